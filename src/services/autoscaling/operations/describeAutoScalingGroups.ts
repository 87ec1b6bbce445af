import type { Handler } from "../context.js";
import { showGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";
import { groupMatches } from "../domain/tags.js";

/** By name (unknown names left out), filtered by tags, in creation order, 50 to a page by default. */
export const describeAutoScalingGroups: Handler<"DescribeAutoScalingGroups"> = (input, ctx) => {
  const names = input.AutoScalingGroupNames;
  const groups = [...ctx.state.groups.values()].filter((g) => (!names?.length || names.includes(g.name)) && groupMatches(g, input.Filters));
  const p = page(groups, input.NextToken, input.MaxRecords);
  return { AutoScalingGroups: p.items.map((g) => showGroup(g, input.IncludeInstances ?? true)), ...(p.next ? { NextToken: p.next } : {}) };
};
