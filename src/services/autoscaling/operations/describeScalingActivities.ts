import type { ActivityRecord, Handler } from "../context.js";
import type { Activity, Filter } from "../generated/types.js";
import { asgErrors } from "../domain/errors.js";
import { page } from "../domain/paging.js";

const FILTERS = ["StartTimeLowerBound", "StartTimeUpperBound", "Status"];

function matches(r: ActivityRecord, filters: Filter[] | undefined, groupGiven: boolean): boolean {
  for (const f of filters ?? []) {
    const values = f.Values ?? [];
    if (f.Name === undefined) throw asgErrors.filterName();
    if (!FILTERS.includes(f.Name ?? "")) throw asgErrors.validation(`Filter ${f.Name} is not supported. Supported filters are: ${FILTERS.join(", ")}`);
    if (f.Name === "Status") {
      if (!groupGiven) throw asgErrors.validation("The Status filter can only be used with AutoScalingGroupName.");
      if (!values.includes(r.activity.StatusCode)) return false;
      continue;
    }
    const bound = Date.parse(values[0] ?? "") / 1000;
    if (Number.isNaN(bound)) throw asgErrors.validation(`Invalid value for filter ${f.Name}: ${values[0]}`);
    if (f.Name === "StartTimeLowerBound" ? r.activity.StartTime < bound : r.activity.StartTime > bound) return false;
  }
  return true;
}

/** Newest first; a deleted group's activities only with IncludeDeletedGroups, which also names each group's ARN. */
export const describeScalingActivities: Handler<"DescribeScalingActivities"> = (input, ctx) => {
  const { state } = ctx;
  const live = new Set([...state.groups.values()].map((g) => g.arn));
  const ids = input.ActivityIds;
  const chosen: Activity[] = [];
  for (let i = state.activities.length - 1; i >= 0; i--) {
    const r = state.activities[i];
    const deleted = !live.has(r.groupArn);
    if (deleted && !input.IncludeDeletedGroups) continue;
    if (input.AutoScalingGroupName !== undefined && r.activity.AutoScalingGroupName !== input.AutoScalingGroupName) continue;
    if (ids?.length && !ids.includes(r.activity.ActivityId)) continue;
    if (!matches(r, input.Filters, input.AutoScalingGroupName !== undefined)) continue;
    chosen.push({ ...r.activity, ...(input.IncludeDeletedGroups ? { ...(deleted ? { AutoScalingGroupState: "Deleted" } : {}), AutoScalingGroupARN: r.groupArn } : {}) });
  }
  const p = page(chosen, input.NextToken, input.MaxRecords, 100, 100);
  return { Activities: p.items, ...(p.next ? { NextToken: p.next } : {}) };
};
