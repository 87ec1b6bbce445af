import type { Handler } from "../context.js";
import type { ScheduledUpdateGroupAction } from "../generated/types.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";

/** A group's actions (or every group's), by name, and those running from StartTime to EndTime. */
export const describeScheduledActions: Handler<"DescribeScheduledActions"> = (input, ctx) => {
  const groups = input.AutoScalingGroupName !== undefined ? [findGroup(ctx.state, input.AutoScalingGroupName)] : [...ctx.state.groups.values()];
  const names = input.ScheduledActionNames;
  const actions: ScheduledUpdateGroupAction[] = groups.flatMap((g) => [...g.scheduled.values()].map((r) => r.action));
  const chosen = actions.filter(
    (a) =>
      (!names?.length || names.includes(a.ScheduledActionName!)) &&
      (input.StartTime === undefined || (a.StartTime ?? 0) >= input.StartTime) &&
      (input.EndTime === undefined || (a.StartTime ?? 0) <= input.EndTime),
  );
  const p = page(chosen, input.NextToken, input.MaxRecords);
  return { ScheduledUpdateGroupActions: structuredClone(p.items), ...(p.next ? { NextToken: p.next } : {}) };
};
