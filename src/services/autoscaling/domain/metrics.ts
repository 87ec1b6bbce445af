// The group metrics EnableMetricsCollection accepts (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_EnableMetricsCollection.html).
import { asgErrors } from "./errors.js";

export const GROUP_METRICS = [
  "GroupMinSize",
  "GroupMaxSize",
  "GroupDesiredCapacity",
  "GroupInServiceInstances",
  "GroupPendingInstances",
  "GroupStandbyInstances",
  "GroupTerminatingInstances",
  "GroupTotalInstances",
  "GroupInServiceCapacity",
  "GroupPendingCapacity",
  "GroupStandbyCapacity",
  "GroupTerminatingCapacity",
  "GroupTotalCapacity",
  "WarmPoolDesiredCapacity",
  "WarmPoolWarmedCapacity",
  "WarmPoolPendingCapacity",
  "WarmPoolTerminatingCapacity",
  "WarmPoolTotalCapacity",
  "GroupAndWarmPoolDesiredCapacity",
  "GroupAndWarmPoolTotalCapacity",
];

export function checkMetrics(metrics: string[], granularity: string): void {
  if (granularity !== "1Minute") throw asgErrors.validation(`Invalid granularity: ${granularity}. The only valid granularity is 1Minute.`);
  for (const m of metrics) if (!GROUP_METRICS.includes(m)) throw asgErrors.validation(`Invalid metric: ${m}.`);
}
