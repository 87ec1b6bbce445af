// Daemon deployments as the guide describes them: drain a batch of the instances that do not run the
// target revision (drainPercent of them at a time), let ECS replace them (new instances start the
// target revision's daemon task before any application task), bake, repeat; SUCCESSFUL once every
// instance runs the target. Daemon tasks of the target that fail to start count against the circuit
// breaker; when it trips, the deployment rolls back to the revision it replaced.
import type { EcsBackend } from "../../../services/ecs/context.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import type { DaemonDeploymentConfiguration, DaemonDeploymentRevisionDetail } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { capacityProviderArn } from "../domain/capacityProviders.js";
import { retire } from "../managedInstances/retire.js";
import { ownContext } from "../capacity/autoScaling.js";
import { newDeploymentArn } from "./arns.js";
import { daemonInstances, type InstanceView } from "./counts.js";
import { settleDeletions } from "./tdDeletion.js";
import type { DaemonRecord, DeploymentRecord } from "./types.js";

/** The guide's default drain percentage; the model's default bake time. */
export const DEFAULT_DRAIN_PERCENT = 25;
/** Chosen: the threshold AWS's own example shows (10), or half the instances when more. */
export const circuitThreshold = (instances: number): number => Math.min(200, Math.max(10, Math.ceil(instances / 2)));

export const REASONS = {
  successful: "Deployment completed successfully.",
  rolledBack: "Deployment rolled back successfully.",
  replaced: "Deployment stopped because a newer deployment was started.",
  circuitBreaker: "The deployment circuit breaker was triggered: daemon tasks of the target revision failed to start.",
  noRollback: "The deployment circuit breaker was triggered and there is no earlier revision to roll back to.",
};

export function withDefaults(c: DaemonDeploymentConfiguration | undefined): DaemonDeploymentConfiguration {
  return { drainPercent: c?.drainPercent ?? DEFAULT_DRAIN_PERCENT, alarms: { alarmNames: c?.alarms?.alarmNames ?? [], enable: c?.alarms?.enable ?? false }, bakeTimeInMinutes: c?.bakeTimeInMinutes ?? 0 };
}

/** The providers (by name) a deployment's instances are taken from: its target's, and its sources'. */
export function providersOf(state: EcsState, dep: DeploymentRecord): string[] {
  const names = new Set<string>();
  for (const arn of [...(dep.goal ? [dep.goal] : []), ...dep.sources]) for (const p of state.daemonRevisions.get(arn)?.capacityProviders ?? []) names.add(p);
  return [...names];
}

/** Starts a deployment towards `goal` (none: the daemon leaves its instances); PENDING, IN_PROGRESS at the next turn. */
export function startDeployment(ctx: EcsContext, d: DaemonRecord, goal: string | undefined, config: DaemonDeploymentConfiguration | undefined): DeploymentRecord {
  const { state } = ctx;
  const now = ctx.now();
  for (const arn of d.deployments) stopIfActive(ctx, state.daemonDeployments.get(arn), REASONS.replaced);
  const running = new Set(daemonInstances(state, d, providersAcross(state, d, goal)).map((v) => v.revision).filter((r): r is string => !!r && r !== goal));
  const sources = [...running];
  const cfg = withDefaults(config);
  const arn = newDeploymentArn(state, d.clusterName, d.name);
  const dep: DeploymentRecord = {
    deployment: {
      daemonDeploymentArn: arn,
      clusterArn: d.clusterArn,
      status: "PENDING",
      circuitBreaker: { failureCount: 0, status: "MONITORING", threshold: 0 },
      alarms: { status: cfg.alarms!.enable ? "MONITORING" : "DISABLED", alarmNames: cfg.alarms!.alarmNames ?? [], triggeredAlarmNames: [] },
      deploymentConfiguration: cfg,
      createdAt: now,
    },
    daemonArn: d.daemonArn,
    ...(goal ? { target: goal, goal } : {}),
    sources,
    batchSize: 1,
    drained: [],
  };
  state.daemonDeployments.set(arn, dep);
  d.deployments.unshift(arn);
  d.deploymentArn = arn;
  const { backend } = ctx;
  backend.timeline.callAfter(0, BEGIN, backend, state, dep);
  return dep;
}

/** The providers of every revision the daemon ran or moves to. */
function providersAcross(state: EcsState, d: DaemonRecord, goal: string | undefined): string[] {
  const names = new Set<string>();
  for (const arn of [d.revisionArn, ...(goal ? [goal] : [])]) for (const p of state.daemonRevisions.get(arn)?.capacityProviders ?? []) names.add(p);
  return [...names];
}

function begin(ctx: EcsContext, dep: DeploymentRecord): void {
  if (dep.deployment.status !== "PENDING") return;
  const outdated = outdatedInstances(ctx.state, dep);
  const all = daemonInstances(ctx.state, ctx.state.daemons.get(dep.daemonArn)!, providersOf(ctx.state, dep));
  dep.batchSize = Math.max(1, Math.ceil((dep.deployment.deploymentConfiguration!.drainPercent! / 100) * outdated.length));
  dep.deployment.circuitBreaker!.threshold = circuitThreshold(all.length);
  dep.deployment.status = "IN_PROGRESS";
  dep.deployment.startedAt = ctx.now();
  advance(ctx, dep);
}

/** Instances of the deployment's providers that do not run its goal yet, not already being taken out. */
export function outdatedInstances(state: EcsState, dep: DeploymentRecord): InstanceView[] {
  const d = state.daemons.get(dep.daemonArn)!;
  return daemonInstances(state, d, providersOf(state, dep)).filter((v) => !v.mi.retiring && (dep.goal ? v.revision !== dep.goal : v.revision !== undefined));
}

const inProgress = (dep: DeploymentRecord): boolean => dep.deployment.status === "IN_PROGRESS" || dep.deployment.status === "ROLLBACK_IN_PROGRESS";

/** One step: wait for the batch in flight and its bake time, drain the next batch, or finish. */
export function advance(ctx: EcsContext, dep: DeploymentRecord): void {
  if (!inProgress(dep)) return;
  const { state, backend } = ctx;
  if (dep.drained.some((id) => state.managedInstances.has(id))) return;
  if (dep.bakeTimer?.fn) return;
  const outdated = outdatedInstances(state, dep);
  if (outdated.length === 0) return finish(ctx, dep);
  const bake = (dep.deployment.deploymentConfiguration!.bakeTimeInMinutes ?? 0) * 60_000;
  if (dep.drained.length && bake > 0 && dep.bakedAt === undefined) {
    dep.bakeTimer = backend.timeline.callAfter(bake, BAKED, backend, state, dep);
    return;
  }
  dep.bakedAt = undefined;
  for (const v of outdated.slice(0, dep.batchSize)) {
    dep.drained.push(v.mi.instanceId);
    retire(ctx, v.mi, "deployment");
  }
}

function finish(ctx: EcsContext, dep: DeploymentRecord): void {
  const { state } = ctx;
  const d = state.daemons.get(dep.daemonArn)!;
  const rollingBack = dep.deployment.status === "ROLLBACK_IN_PROGRESS";
  dep.deployment.status = rollingBack ? "ROLLBACK_SUCCESSFUL" : "SUCCESSFUL";
  dep.deployment.statusReason = rollingBack ? REASONS.rolledBack : REASONS.successful;
  dep.deployment.finishedAt = ctx.now();
  if (dep.deployment.circuitBreaker!.status === "MONITORING") dep.deployment.circuitBreaker!.status = "MONITORING_COMPLETE";
  if (dep.deployment.alarms!.status === "MONITORING") dep.deployment.alarms!.status = "MONITORING_COMPLETE";
  // DeleteDaemon's deployment has drained the last instance: the daemon is gone.
  if (!dep.goal) {
    d.deleted = true;
    d.updatedAt = ctx.now();
  }
  settleDeletions(state);
}

export function stopIfActive(ctx: EcsContext, dep: DeploymentRecord | undefined, reason: string): void {
  if (!dep || (dep.deployment.status !== "PENDING" && !inProgress(dep))) return;
  dep.deployment.status = "STOPPED";
  dep.deployment.statusReason = reason;
  dep.deployment.stoppedAt = ctx.now();
  ctx.backend.timeline.cancel(dep.bakeTimer);
  if (dep.deployment.circuitBreaker!.status === "MONITORING") dep.deployment.circuitBreaker!.status = "MONITORING_COMPLETE";
  if (dep.deployment.alarms!.status === "MONITORING") dep.deployment.alarms!.status = "MONITORING_COMPLETE";
}

/** A daemon task of the goal revision failed to start: counted; past the threshold, the deployment rolls back. */
export function countFailure(ctx: EcsContext, dep: DeploymentRecord): void {
  if (dep.deployment.status !== "IN_PROGRESS") return;
  const cb = dep.deployment.circuitBreaker!;
  cb.failureCount = (cb.failureCount ?? 0) + 1;
  if (cb.failureCount < cb.threshold!) return;
  cb.status = "TRIGGERED";
  const d = ctx.state.daemons.get(dep.daemonArn)!;
  const target = dep.sources[0];
  if (!target) return stopIfActive(ctx, dep, REASONS.noRollback);
  const rev = ctx.state.daemonRevisions.get(target)!;
  dep.deployment.status = "ROLLBACK_IN_PROGRESS";
  dep.deployment.statusReason = REASONS.circuitBreaker;
  dep.deployment.rollback = { reason: REASONS.circuitBreaker, startedAt: ctx.now(), rollbackTargetDaemonRevisionArn: target, rollbackCapacityProviders: rev.capacityProviders.map((p) => capacityProviderArn(ctx.state, p)) };
  dep.goal = target;
  d.revisionArn = target;
  dep.drained = dep.drained.filter((id) => ctx.state.managedInstances.has(id));
  advance(ctx, dep);
}

/** A revision's instances in a deployment's view: running it, and being drained, per provider. */
export function revisionDetail(state: EcsState, dep: DeploymentRecord, arn: string): DaemonDeploymentRevisionDetail {
  const d = state.daemons.get(dep.daemonArn)!;
  const views = daemonInstances(state, d, providersOf(state, dep)).filter((v) => v.revision === arn);
  const providers = state.daemonRevisions.get(arn)?.capacityProviders ?? [];
  const capacityProviders = providers.map((p) => {
    const mine = views.filter((v) => v.mi.provider === p);
    return { arn: capacityProviderArn(state, p), runningInstanceCount: mine.filter((v) => !v.mi.retiring).length, drainingInstanceCount: mine.filter((v) => !!v.mi.retiring).length };
  });
  return {
    arn,
    capacityProviders,
    totalRunningInstanceCount: capacityProviders.reduce((n, c) => n + c.runningInstanceCount, 0),
    totalDrainingInstanceCount: capacityProviders.reduce((n, c) => n + c.drainingInstanceCount, 0),
  };
}

const BEGIN = defineTimer("ecs.daemonDeploymentBegin", (backend: EcsBackend, state: EcsState, dep: DeploymentRecord) => begin(ownContext(backend, state), dep));

const BAKED = defineTimer("ecs.daemonDeploymentBaked", (backend: EcsBackend, state: EcsState, dep: DeploymentRecord) => {
  dep.bakedAt = backend.timeline.now();
  advance(ownContext(backend, state), dep);
});
