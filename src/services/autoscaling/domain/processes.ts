// The scaling processes a group can suspend, in the order DescribeScalingProcessTypes lists them.
import { asgErrors } from "./errors.js";

export const PROCESSES = ["AZRebalance", "AddToLoadBalancer", "AlarmNotification", "HealthCheck", "InstanceRefresh", "Launch", "ReplaceUnhealthy", "ScheduledActions", "Terminate"];

export function checkProcesses(names: string[]): void {
  for (const n of names) if (!PROCESSES.includes(n)) throw asgErrors.validation(`Process names must be one of: ${PROCESSES.join(", ")}. '${n}' is invalid.`);
}
