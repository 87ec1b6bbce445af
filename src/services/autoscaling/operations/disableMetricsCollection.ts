import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";

export const disableMetricsCollection: Handler<"DisableMetricsCollection"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const metrics = input.Metrics;
  group.enabledMetrics = metrics?.length ? group.enabledMetrics.filter((e) => !metrics.includes(e.Metric!)) : [];
  return {};
};
