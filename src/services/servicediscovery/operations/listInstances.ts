import type { Handler } from "../context.js";
import { getService } from "../domain/lookup.js";
import { page } from "../domain/paging.js";

export const listInstances: Handler<"ListInstances"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  const p = page([...sr.instances.values()], input.MaxResults, input.NextToken);
  return { Instances: p.items.map((i) => ({ Id: i.id, Attributes: { ...i.attributes } })), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};
