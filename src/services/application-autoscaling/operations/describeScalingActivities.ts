import type { Handler } from "../context.js";
import { activityMatches } from "../domain/activities.js";
import { page } from "../domain/paging.js";
import { checkDimensionFilter } from "../domain/resources.js";

const SIX_WEEKS_S = 42 * 24 * 3600;

/** Newest first, from the last six weeks; not scaled activities only when asked for. */
export const describeScalingActivities: Handler<"DescribeScalingActivities"> = (input, ctx) => {
  checkDimensionFilter(input.ServiceNamespace, input.ScalableDimension);
  const since = ctx.now() - SIX_WEEKS_S;
  const include = input.IncludeNotScaledActivities === true;
  const activities = ctx.state.activities
    .map((r) => r.activity)
    .filter((a) => a.StartTime >= since && activityMatches(a, input.ServiceNamespace, input.ResourceId, input.ScalableDimension, include));
  const { items, NextToken } = page("activities", activities, input.NextToken, input.MaxResults, 50);
  return { ScalingActivities: structuredClone(items), ...(NextToken ? { NextToken } : {}) };
};
