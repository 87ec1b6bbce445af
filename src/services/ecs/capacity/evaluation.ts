// Managed scaling on the server's clock: every minute (one CloudWatch datapoint) ECS computes the
// provider's CapacityProviderReservation and its two alarms act as AWS's do (TargetTracking-…-AlarmHigh
// after 1 datapoint above the target, -AlarmLow after 15 consecutive ones below it), changing the
// group's desired capacity through Auto Scaling, with the cause Auto Scaling writes for an alarm that
// triggered ECSManagedAutoScalingPolicy-<uuid>. Never because someone called Describe.
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import type { Timer } from "../../../engine/timeline.js";
import { defineTimer } from "../../../engine/timers.js";
import { AwsError } from "../../../protocol/errors.js";
import type { GroupView } from "../../autoscaling/context.js";
import type { EcsContext } from "../context.js";
import type { CapacityProvider, ContainerInstance, ManagedScaling } from "../generated/types.js";
import type { ClusterRecord } from "../store.js";
import { groupsPort, ownContext, providerGroup } from "./autoScaling.js";
import { protectBusy, releaseIdle } from "./protection.js";
import { groupCapacity } from "./instanceCapacity.js";
import { reservation, scaleInTo, scaleOutTo, type Reservation } from "./reservation.js";
import type { ManagedProvider } from "./types.js";
import { waitingFor } from "./waiting.js";

/** CloudWatch's period for the provider's metric and alarms. */
export const PERIOD_MS = 60_000;
/** AlarmLow's evaluation periods: 15 datapoints of one minute (aws/containers-roadmap#638, #1220). */
export const LOW_DATAPOINTS = 15;

export function startEvaluations(ctx: EcsContext, provider: string): void {
  const m = ctx.state.managed.get(provider);
  if (!m || m.timer?.fn) return;
  m.timer = ctx.backend.timeline.callAfter(PERIOD_MS, EVALUATE, ctx.backend, ctx.state, m, provider);
}

const EVALUATE = defineTimer("ecs.managedScalingEvaluation", (backend: EcsBackend, state: EcsState, m: { timer?: Timer; policy?: unknown }, provider: string) => {
  m.timer = undefined;
  if (!m.policy) return;
  evaluate(ownContext(backend, state), provider);
  if (m.policy && !m.timer) m.timer = backend.timeline.callAfter(PERIOD_MS, EVALUATE, backend, state, m, provider);
});

export function stopEvaluations(ctx: EcsContext, provider: string): void {
  const m = ctx.state.managed.get(provider);
  if (!m) return;
  ctx.backend.timeline.cancel(m.timer);
  m.timer = undefined;
}

/** Whether a live task of a DAEMON service: those do not keep an instance from scaling in. */
export function isDaemonTask(rec: ClusterRecord, group: string | undefined): boolean {
  if (!group?.startsWith("service:")) return false;
  return rec.services.get(group.slice("service:".length))?.service.schedulingStrategy === "DAEMON";
}

/** Whether the instance runs a task meant to run that is not a daemon's. */
export function runsTasks(rec: ClusterRecord, ci: ContainerInstance): boolean {
  for (const t of rec.index.liveOn(ci.containerInstanceArn!)) if (t.desiredStatus !== "STOPPED" && !isDaemonTask(rec, t.group)) return true;
  return false;
}

/** The provider's instances registered ACTIVE (agent connected) in the cluster: the N of the metric. */
export function providerInstances(rec: ClusterRecord, group: GroupView): ContainerInstance[] {
  const members = new Set(group.instances.map((i) => i.instanceId));
  return [...rec.instances.values()].filter((ci) => ci.status === "ACTIVE" && ci.agentConnected !== false && members.has(ci.ec2InstanceId ?? ""));
}

const counted = (state: string) => state.startsWith("Pending") || state === "InService";

function setDesired(ctx: EcsContext, m: ManagedProvider, group: GroupView, desired: number, alarm: string): string {
  const cause = `a monitor alarm ${alarm} in state ALARM triggered policy ${m.policy!.name}`;
  try {
    groupsPort(ctx.backend).setDesiredCapacity(ctx.state.accountId, ctx.state.region, group.name, desired, cause);
    return `set the desired capacity from ${group.desiredCapacity} to ${desired}`;
  } catch (e) {
    if (e instanceof AwsError) return `Auto Scaling refused: ${e.message}`;
    throw e;
  }
}

function scaleOut(ctx: EcsContext, m: ManagedProvider, ms: ManagedScaling, group: GroupView, r: Reservation): string {
  const warmupMs = (ms.instanceWarmupPeriod ?? 300) * 1000;
  const now = ctx.backend.timeline.now();
  if (group.instances.some((i) => counted(i.lifecycleState) && now - i.launchedAt < warmupMs)) return "scale-out waits for instances in their warm-up period";
  const to = Math.min(group.maxSize, Math.max(group.minSize, scaleOutTo(r, { targetCapacity: ms.targetCapacity!, minimumScalingStepSize: ms.minimumScalingStepSize!, maximumScalingStepSize: ms.maximumScalingStepSize! })));
  if (to <= group.desiredCapacity) return group.desiredCapacity >= group.maxSize ? "the group is at its maximum size" : "the instances launching cover it";
  return setDesired(ctx, m, group, to, m.policy!.alarmHigh);
}

function scaleIn(ctx: EcsContext, cp: CapacityProvider, m: ManagedProvider, group: GroupView, idle: ContainerInstance[], r: Reservation): string {
  const to = Math.max(group.minSize, scaleInTo(r, cp.autoScalingGroupProvider!.managedScaling!.targetCapacity!, group.desiredCapacity));
  if (to >= group.desiredCapacity) return group.desiredCapacity <= group.minSize ? "the group is at its minimum size" : "no instance to take out";
  // The group terminates only instances without protection: ECS lifts it from the idle ones first.
  if (cp.autoScalingGroupProvider!.managedTerminationProtection === "ENABLED") releaseIdle(ctx, group, idle);
  return setDesired(ctx, m, group, to, m.policy!.alarmLow);
}

/** One datapoint: the metric, the alarms' verdict, and what Auto Scaling was asked to do. */
export function evaluate(ctx: EcsContext, provider: string): void {
  const { state } = ctx;
  const m = state.managed.get(provider);
  const cp = state.capacityProviders.get(provider);
  const rec = m?.cluster === undefined ? undefined : state.clusters.get(m.cluster);
  if (!m?.policy || !cp || !rec) return;
  const ms = cp.autoScalingGroupProvider!.managedScaling!;
  const group = providerGroup(ctx.backend, state, cp);
  const waiting = waitingFor(rec, provider);
  if (!group || group.deleting) {
    m.last = { at: ctx.now(), reservation: 0, running: 0, needed: 0, waiting: waiting.length, desiredCapacity: 0, action: "the Auto Scaling group is gone" };
    return;
  }
  const ours = providerInstances(rec, group);
  const busy = ours.map((ci) => runsTasks(rec, ci));
  const capacity = groupCapacity(groupsPort(ctx.backend).instanceTypes(state.accountId, state.region, group.name), group);
  const r = reservation({ busy, waiting: waiting.map((w) => w.needs), ...capacity });
  if (cp.autoScalingGroupProvider!.managedTerminationProtection === "ENABLED") protectBusy(ctx, group, ours.filter((_, i) => busy[i]));
  const target = ms.targetCapacity!;
  let action: string;
  if (r.value > target) {
    m.lowDatapoints = 0;
    action = scaleOut(ctx, m, ms, group, r);
  } else if (r.value < target) {
    m.lowDatapoints++;
    action = m.lowDatapoints >= LOW_DATAPOINTS ? scaleIn(ctx, cp, m, group, ours.filter((_, i) => !busy[i]), r) : `${m.lowDatapoints} of ${LOW_DATAPOINTS} datapoints below the target`;
  } else {
    m.lowDatapoints = 0;
    action = "at the target";
  }
  const desiredCapacity = providerGroup(ctx.backend, state, cp)?.desiredCapacity ?? group.desiredCapacity;
  m.last = { at: ctx.now(), reservation: Math.round(r.value * 100) / 100, running: r.running, needed: r.needed, waiting: waiting.length, desiredCapacity, action };
}
