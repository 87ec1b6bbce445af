// The resources ECS keeps on a provider's Auto Scaling group: the target tracking policy
// ECSManagedAutoScalingPolicy-<uuid> (its alarms, TargetTracking-<group>-AlarmHigh/-AlarmLow-<uuid>,
// are Auto Scaling's), the managed draining lifecycle hook, and the AmazonECSManaged tag.
import { AwsError } from "../../../protocol/errors.js";
import type { EcsContext } from "../context.js";
import type { CapacityProvider } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { callAutoScaling, DRAINING_HOOK, providerGroup, tryAutoScaling } from "./autoScaling.js";
import { startEvaluations, stopEvaluations } from "./evaluation.js";
import type { ManagedProvider } from "./types.js";

export function managedOf(state: EcsState, provider: string): ManagedProvider {
  let m = state.managed.get(provider);
  if (!m) state.managed.set(provider, (m = { lowDatapoints: 0 }));
  return m;
}

function policyInput(group: string, policyName: string, cp: CapacityProvider, cluster: string): Record<string, unknown> {
  return {
    AutoScalingGroupName: group,
    PolicyName: policyName,
    PolicyType: "TargetTrackingScaling",
    TargetTrackingConfiguration: {
      CustomizedMetricSpecification: {
        MetricName: "CapacityProviderReservation",
        Namespace: "AWS/ECS/ManagedScaling",
        Dimensions: [
          { Name: "CapacityProviderName", Value: cp.name },
          { Name: "ClusterName", Value: cluster },
        ],
        Statistic: "Average",
      },
      TargetValue: cp.autoScalingGroupProvider!.managedScaling!.targetCapacity,
      DisableScaleIn: false,
    },
  };
}

/** Puts the policy on the group and starts the evaluations; false when Auto Scaling refused (no such group). */
export function createPolicy(ctx: EcsContext, rec: ClusterRecord, cp: CapacityProvider, policyName: string): boolean {
  const group = providerGroup(ctx.backend, ctx.state, cp);
  if (!group || group.deleting) return false;
  let out: { Alarms?: { AlarmName?: string }[] };
  try {
    out = callAutoScaling(ctx.backend, ctx.state, "PutScalingPolicy", policyInput(group.name, policyName, cp, rec.cluster.clusterName!));
  } catch (e) {
    if (e instanceof AwsError) return false;
    throw e;
  }
  const alarm = (kind: string) => out.Alarms?.find((a) => a.AlarmName?.includes(`-${kind}-`))?.AlarmName ?? "";
  const m = managedOf(ctx.state, cp.name!);
  m.cluster = rec.cluster.clusterName;
  m.policy = { name: policyName, alarmHigh: alarm("AlarmHigh"), alarmLow: alarm("AlarmLow"), group: group.name, target: cp.autoScalingGroupProvider!.managedScaling!.targetCapacity! };
  m.lowDatapoints = 0;
  startEvaluations(ctx, cp.name!);
  return true;
}

/** A new target: the same policy, put again with it. */
export function updatePolicy(ctx: EcsContext, cp: CapacityProvider): void {
  const m = ctx.state.managed.get(cp.name!);
  if (!m?.policy || !m.cluster) return;
  if (tryAutoScaling(ctx.backend, ctx.state, "PutScalingPolicy", policyInput(m.policy.group, m.policy.name, cp, m.cluster))) {
    m.policy.target = cp.autoScalingGroupProvider!.managedScaling!.targetCapacity!;
    m.lowDatapoints = 0;
  }
}

export function deletePolicy(ctx: EcsContext, provider: string): void {
  const m = ctx.state.managed.get(provider);
  if (!m?.policy) return;
  tryAutoScaling(ctx.backend, ctx.state, "DeletePolicy", { AutoScalingGroupName: m.policy.group, PolicyName: m.policy.name });
  m.policy = undefined;
  m.lowDatapoints = 0;
  stopEvaluations(ctx, provider);
  if (!m.hookGroup) m.cluster = undefined;
}

/** ECS's hook: terminating instances wait (an hour's heartbeat, then CONTINUE) until ECS has drained them. */
export function createHook(ctx: EcsContext, rec: ClusterRecord, cp: CapacityProvider): boolean {
  const group = providerGroup(ctx.backend, ctx.state, cp);
  if (!group || group.deleting) return false;
  const input = { AutoScalingGroupName: group.name, LifecycleHookName: DRAINING_HOOK, LifecycleTransition: "autoscaling:EC2_INSTANCE_TERMINATING", HeartbeatTimeout: 3600, DefaultResult: "CONTINUE" };
  if (!tryAutoScaling(ctx.backend, ctx.state, "PutLifecycleHook", input)) return false;
  const m = managedOf(ctx.state, cp.name!);
  m.cluster = rec.cluster.clusterName;
  m.hookGroup = group.name;
  return true;
}

export function deleteHook(ctx: EcsContext, provider: string): void {
  const m = ctx.state.managed.get(provider);
  if (!m?.hookGroup) return;
  tryAutoScaling(ctx.backend, ctx.state, "DeleteLifecycleHook", { AutoScalingGroupName: m.hookGroup, LifecycleHookName: DRAINING_HOOK });
  m.hookGroup = undefined;
  if (!m.policy) m.cluster = undefined;
}

/** The tag ECS puts on a group it manages (the value is empty, as ECS writes it). */
export function tagManaged(ctx: EcsContext, group: string): void {
  callAutoScaling(ctx.backend, ctx.state, "CreateOrUpdateTags", { Tags: [{ ResourceId: group, ResourceType: "auto-scaling-group", Key: "AmazonECSManaged", Value: "", PropagateAtLaunch: true }] });
}
