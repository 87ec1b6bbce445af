// A group's ELBv2 target groups: its instances are registered when they go InService and
// deregistered when they leave it, through ELBv2's own RegisterTargets and DeregisterTargets.
import { AwsError } from "../../../protocol/errors.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import type { TrafficSourceIdentifier } from "../generated/types.js";
import { asgErrors } from "./errors.js";
import { callElbv2 } from "./peers.js";

export function targetGroupArns(group: GroupRecord): string[] {
  return group.trafficSources.filter((t) => t.Type === "elbv2").map((t) => t.Identifier);
}

/** Checks each ARN names a target group ELBv2 has (AWS's text does not name which one fails). */
export function checkTargetGroups(backend: AutoScalingBackend, state: AutoScalingState, arns: string[]): void {
  for (const arn of arns) {
    try {
      callElbv2(backend, state, "DescribeTargetGroups", { TargetGroupArns: [arn] });
    } catch (e) {
      if (e instanceof AwsError && (e.code === "TargetGroupNotFound" || e.code === "ValidationError")) throw asgErrors.validation("Provided Target Groups may not be valid. Please ensure they exist and try again.");
      throw e;
    }
  }
}

/** Traffic sources of the model's form: ELBv2 target groups only (`Type` elbv2, or no type with a target group ARN). */
export function normalizeTrafficSources(sources: TrafficSourceIdentifier[]): TrafficSourceIdentifier[] {
  return sources.map((s) => {
    const type = s.Type ?? (s.Identifier.includes(":targetgroup/") ? "elbv2" : undefined);
    if (type !== "elbv2") throw asgErrors.validation(`ecs-local supports only ELBv2 target groups as traffic sources, not ${s.Type ?? s.Identifier}.`);
    return { Identifier: s.Identifier, Type: "elbv2" };
  });
}

function eachTargetGroup(backend: AutoScalingBackend, state: AutoScalingState, arns: string[], op: "RegisterTargets" | "DeregisterTargets", ids: string[]): void {
  if (!ids.length) return;
  for (const arn of arns) {
    try {
      callElbv2(backend, state, op, { TargetGroupArn: arn, Targets: ids.map((Id) => ({ Id })) });
    } catch (e) {
      // A target group deleted behind the group's back, or an instance ELBv2 will not take: the
      // instance serves (or leaves) without it, as the scaling goes on.
      if (!(e instanceof AwsError)) throw e;
    }
  }
}

export function register(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  // A suspended AddToLoadBalancer leaves new instances out until it is resumed.
  if (group.suspended.has("AddToLoadBalancer")) return;
  eachTargetGroup(backend, state, targetGroupArns(group), "RegisterTargets", [inst.instanceId]);
  inst.registered = true;
}

export function deregister(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (!inst.registered) return;
  eachTargetGroup(backend, state, targetGroupArns(group), "DeregisterTargets", [inst.instanceId]);
  inst.registered = false;
}

/** Target groups attached later take the instances in service; detached ones let them go. */
export function registerAll(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, arns: string[], on: boolean): void {
  const ids = [...group.instances.values()].filter((i) => i.registered || (on && i.lifecycle === "InService")).map((i) => i.instanceId);
  eachTargetGroup(backend, state, arns, on ? "RegisterTargets" : "DeregisterTargets", ids);
  if (on) for (const i of group.instances.values()) if (i.lifecycle === "InService") i.registered = true;
}
