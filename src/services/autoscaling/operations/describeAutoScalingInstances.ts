import type { Handler } from "../context.js";
import type { AutoScalingInstanceDetails } from "../generated/types.js";
import { showInstanceDetails } from "../domain/groups.js";
import { page } from "../domain/paging.js";

/** The named instances (unknown ids left out), else every group's, group by group. */
export const describeAutoScalingInstances: Handler<"DescribeAutoScalingInstances"> = (input, ctx) => {
  const ids = input.InstanceIds;
  const all: AutoScalingInstanceDetails[] = [];
  for (const group of ctx.state.groups.values()) {
    for (const inst of group.instances.values()) if (!ids?.length || ids.includes(inst.instanceId)) all.push(showInstanceDetails(group, inst));
  }
  const p = page(all, input.NextToken, input.MaxRecords);
  return { AutoScalingInstances: p.items, ...(p.next ? { NextToken: p.next } : {}) };
};
