import type { Handler } from "../context.js";
import { GROUP_METRICS } from "../domain/metrics.js";

export const describeMetricCollectionTypes: Handler<"DescribeMetricCollectionTypes"> = () => ({
  Metrics: GROUP_METRICS.map((Metric) => ({ Metric })),
  Granularities: [{ Granularity: "1Minute" }],
});
