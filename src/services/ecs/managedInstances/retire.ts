// Taking a managed instance out, as ECS Managed Instances does: it drains (its container instance
// DRAINING, so the service scheduler moves its service tasks elsewhere), and is terminated through
// EC2 once nothing but daemon tasks runs on it. Idle instances go after `scaleInAfter`.
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import { defineTimer } from "../../../engine/timers.js";
import { AwsError } from "../../../protocol/errors.js";
import type { EcsContext } from "../context.js";
import type { ContainerInstance } from "../generated/types.js";
import { bump } from "../domain/containerInstances.js";
import { clusterChanged } from "../scheduler/reconciler.js";
import type { ClusterRecord } from "../store.js";
import { ownContext } from "../capacity/autoScaling.js";
import { autoRepairOn, scaleInAfterSeconds } from "./config.js";
import { callEc2 } from "./ec2.js";
import type { ManagedInstance, RetireReason } from "./types.js";

/** The group of a managed daemon's tasks; they do not keep an instance from being idle. */
export const isDaemonGroup = (group: string | undefined): boolean => group?.startsWith("daemon:") ?? false;

export function joined(ctx: EcsContext, mi: ManagedInstance): { rec: ClusterRecord; ci: ContainerInstance } | undefined {
  const rec = ctx.state.clusters.get(mi.cluster);
  const ci = mi.containerInstanceId === undefined ? undefined : rec?.instances.get(mi.containerInstanceId);
  return rec && ci ? { rec, ci } : undefined;
}

/** Application tasks (not a daemon's) on the instance that have not been asked to stop. */
export function appTasksOn(rec: ClusterRecord, ci: ContainerInstance): number {
  let n = 0;
  for (const t of rec.index.liveOn(ci.containerInstanceArn!)) if (t.desiredStatus !== "STOPPED" && !isDaemonGroup(t.group)) n++;
  return n;
}

export function terminate(ctx: EcsContext, mi: ManagedInstance): void {
  if (mi.terminated) return;
  const { backend, state } = ctx;
  mi.terminated = true;
  for (const t of [mi.idleTimer, mi.drainTimer, mi.endTimer]) backend.timeline.cancel(t);
  state.managedInstances.delete(mi.instanceId);
  // A daemon deployment waiting for this instance to go moves on.
  backend.daemons.changed(state, mi.cluster);
  try {
    callEc2(ownContext(backend, state), "TerminateInstances", { InstanceIds: [mi.instanceId] });
  } catch (e) {
    // Terminated by someone else already: nothing left to do.
    if (!(e instanceof AwsError)) throw e;
  }
}

/** Terminates a retiring instance once only daemons are left on it. */
export function finishIfDrained(ctx: EcsContext, mi: ManagedInstance): void {
  if (!mi.retiring || mi.terminated) return;
  const home = joined(ctx, mi);
  if (!home || appTasksOn(home.rec, home.ci) === 0) terminate(ctx, mi);
}

/** Starts taking the instance out: drained now, terminated once its application tasks are gone. */
export function retire(ctx: EcsContext, mi: ManagedInstance, reason: RetireReason): void {
  if (mi.terminated || mi.retiring) return;
  const own = ownContext(ctx.backend, ctx.state);
  mi.retiring = reason;
  ctx.backend.timeline.cancel(mi.idleTimer);
  mi.idleTimer = undefined;
  const home = joined(own, mi);
  if (home && home.ci.status === "ACTIVE") {
    home.ci.status = "DRAINING";
    bump(home.ci);
    clusterChanged(own, home.rec);
  }
  finishIfDrained(own, mi);
}

/** Looks at an instance after its tasks changed: an idle one waits `scaleInAfter`, a busy one does not. */
export function watch(ctx: EcsContext, mi: ManagedInstance): void {
  if (mi.terminated) return;
  if (mi.retiring) return finishIfDrained(ctx, mi);
  const home = joined(ctx, mi);
  if (!home) return;
  const cp = ctx.state.capacityProviders.get(mi.provider);
  const after = cp?.managedInstancesProvider ? scaleInAfterSeconds(cp.managedInstancesProvider) : undefined;
  const idle = appTasksOn(home.rec, home.ci) === 0;
  if (!idle || after === undefined) {
    ctx.backend.timeline.cancel(mi.idleTimer);
    mi.idleTimer = undefined;
    return;
  }
  if (mi.idleTimer?.fn) return;
  const { backend, state } = ctx;
  mi.idleTimer = backend.timeline.callAfter(after * 1000, IDLE, backend, state, mi);
}

const IDLE = defineTimer("ecs.managedInstanceIdle", (backend: EcsBackend, state: EcsState, mi: ManagedInstance) => {
  mi.idleTimer = undefined;
  const own = ownContext(backend, state);
  const now = joined(own, mi);
  if (now && appTasksOn(now.rec, now.ci) === 0) retire(own, mi, "idle");
});

/** A daemon task of the instance stopped or turned unhealthy: ECS drains and replaces the instance (auto repair). */
export function repair(ctx: EcsContext, mi: ManagedInstance): void {
  const cp = ctx.state.capacityProviders.get(mi.provider);
  if (cp?.managedInstancesProvider && !autoRepairOn(cp.managedInstancesProvider)) return;
  retire(ctx, mi, "repair");
}
