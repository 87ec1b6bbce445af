// What ECS asks of ELBv2 to put a service's tasks behind a load balancer. ECS reaches it through
// `peers.elbv2.targets`, so neither service imports the other's code.
import type { NamedCall } from "../../engine/timers.js";

export interface TargetGroupSummary {
  targetGroupArn: string;
  targetType: string;
  /** Whether a listener or rule of some load balancer forwards to the group. */
  hasLoadBalancer: boolean;
}

export interface PortTarget {
  id: string;
  port: number;
}

export interface TargetGroupPort {
  find(accountId: string, region: string, targetGroupArn: string): TargetGroupSummary | undefined;
  /** Registers targets as RegisterTargets does; `changed` is called whenever one's health moves. */
  register(accountId: string, region: string, targetGroupArn: string, targets: PortTarget[], changed: NamedCall): void;
  /** Deregisters targets as DeregisterTargets does; answers how long, in ms, until the last is gone. */
  deregister(accountId: string, region: string, targetGroupArn: string, targets: PortTarget[]): number;
  /** The target's health as DescribeTargetHealth shows it; undefined when it is not registered. */
  health(accountId: string, region: string, targetGroupArn: string, target: PortTarget): { State?: string; Reason?: string; Description?: string } | undefined;
  /** Whether the target is registered and `healthy` (a group no load balancer uses never is). */
  healthy(accountId: string, region: string, targetGroupArn: string, target: PortTarget): boolean;
}
