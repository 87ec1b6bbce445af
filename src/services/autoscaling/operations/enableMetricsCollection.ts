import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { checkMetrics, GROUP_METRICS } from "../domain/metrics.js";

/** Recorded on the group (EnabledMetrics); no CloudWatch here receives the metrics. */
export const enableMetricsCollection: Handler<"EnableMetricsCollection"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const metrics = input.Metrics?.length ? input.Metrics : GROUP_METRICS;
  checkMetrics(metrics, input.Granularity);
  for (const m of metrics) if (!group.enabledMetrics.some((e) => e.Metric === m)) group.enabledMetrics.push({ Metric: m, Granularity: input.Granularity });
  return {};
};
