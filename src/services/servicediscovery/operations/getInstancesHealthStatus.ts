import type { Handler } from "../context.js";
import { getInstance, getService } from "../domain/lookup.js";
import { page } from "../domain/paging.js";

export const getInstancesHealthStatus: Handler<"GetInstancesHealthStatus"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  const chosen = input.Instances ? input.Instances.map((id) => getInstance(sr, id)) : [...sr.instances.values()];
  const p = page(chosen, input.MaxResults, input.NextToken);
  return { Status: Object.fromEntries(p.items.map((i) => [i.id, i.health])), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};
