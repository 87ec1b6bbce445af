import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";

/** The group's refreshes, newest first, by id. */
export const describeInstanceRefreshes: Handler<"DescribeInstanceRefreshes"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  const ids = input.InstanceRefreshIds;
  const chosen = [...group.refreshes].reverse().filter((r) => !ids?.length || ids.includes(r.refresh.InstanceRefreshId!));
  const p = page(chosen, input.NextToken, input.MaxRecords);
  return { InstanceRefreshes: p.items.map((r) => structuredClone(r.refresh)), ...(p.next ? { NextToken: p.next } : {}) };
};
