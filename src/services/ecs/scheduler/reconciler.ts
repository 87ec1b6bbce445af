// The service scheduler, event-driven: a task change or an API call marks its service dirty, and
// after each batch of due timers only the dirty services are brought towards what they want.
import { defineTimer } from "../../../engine/timers.js";
import { lastSegment } from "../domain/arn.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { ContainerInstance, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState, ServiceRecord } from "../store.js";
import { addEvent, addProblem, messages, scalingReason } from "../domain/serviceEvents.js";
import { completeIfDone, isSettled, planRolling, pruneDeployments, refreshCounts } from "./deployments.js";
import { daemonInstances, startDaemonTasks, startReplicaTasks } from "./serviceTasks.js";
import { isProtected } from "../domain/taskProtection.js";
import { reconcileTaskSets } from "./taskSets.js";
import { checkCircuitBreaker } from "./circuitBreaker.js";
import { failedToStart, holdFor, recordFailure, type LaunchThrottle } from "./throttle.js";
import { serviceOfTask } from "../domain/services.js";
import { compactInactive } from "../domain/serviceRetention.js";

interface Home {
  state: EcsState;
  rec: ClusterRecord;
}

/** Rounds of reconciling within one batch before the rest waits for the next batch. */
const MAX_ROUNDS = 100;

export class Reconciler {
  private dirty = new Map<ServiceRecord, Home>();
  /** Services that could not place every task they want, per cluster: retried when capacity changes. */
  private starved = new Map<ClusterRecord, Map<ServiceRecord, EcsState>>();
  /** Services whose tasks keep failing to start, with how long their launches wait. */
  private throttles = new Map<ServiceRecord, LaunchThrottle>();
  /** Tasks already counted as failures: a task reports its stop more than once (STOPPING, STOPPED). */
  private counted = new Set<Task>();
  /** Tasks seen RUNNING: only reaching RUNNING resets the throttle, not later changes of a running task. */
  private ran = new Set<Task>();

  constructor(private readonly backend: EcsBackend) {
    backend.taskListeners.push((state, rec, task) => this.onTask(state, rec, task));
    backend.timeline.onAfterRun(() => this.run());
  }

  mark(state: EcsState, rec: ClusterRecord, sr: ServiceRecord): void {
    // A service is marked at every step of each of its tasks: once is enough until the next run.
    const home = this.dirty.get(sr);
    if (home?.state !== state || home.rec !== rec) this.dirty.set(sr, { state, rec });
  }

  /** Reconciles the service at the next run of due work (before the next request, or in the background). */
  serviceChanged(state: EcsState, rec: ClusterRecord, sr: ServiceRecord): void {
    this.mark(state, rec, sr);
    this.backend.timeline.wake();
  }

  /** Instances came, went or changed state: the cluster's services look again (DAEMON ones, drained tasks). */
  clusterChanged(state: EcsState, rec: ClusterRecord): void {
    // Tasks waiting for capacity look first: the instance that came may be theirs.
    this.backend.provisioning.capacityChanged(state, rec);
    if (rec.services.size === 0) return;
    for (const sr of rec.services.values()) if (sr.service.status !== "INACTIVE") this.mark(state, rec, sr);
    this.backend.timeline.wake();
  }

  starve(state: EcsState, rec: ClusterRecord, sr: ServiceRecord, starving: boolean): void {
    let m = this.starved.get(rec);
    if (starving) {
      if (!m) this.starved.set(rec, (m = new Map()));
      m.set(sr, state);
    } else m?.delete(sr);
  }

  /** Forgets every service it was keeping track of (the state they lived in was reset). */
  clear(): void {
    this.dirty.clear();
    this.starved.clear();
    this.throttles = new Map();
    this.counted.clear();
    this.ran.clear();
  }

  /**
   * Whether the service's launches of `taskDefinition` wait for the throttle now; when they do, the
   * event is written once per run of failures and the service looks again when the wait is over.
   */
  launchHeld(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, taskDefinition: string): boolean {
    const t = this.throttles.get(sr);
    const nowMs = this.backend.timeline.now();
    if (holdFor(t, taskDefinition, nowMs) === 0 || !t) return false;
    if (!t.announced) {
      t.announced = true;
      addEvent(ctx.state.ids, sr, ctx.now(), messages.throttled(sr.service.serviceName!));
    }
    if (t.wakeAt !== t.until) {
      t.wakeAt = t.until;
      this.backend.timeline.call(t.until, MARK, this.backend, ctx.state, rec, sr);
    }
    return true;
  }

  /** A service task stopped or ran: the throttle counts tasks that never ran and forgets on one that did. */
  private throttleOn(sr: ServiceRecord, task: Task): void {
    const td = sr.launches.get(task.startedBy!)?.td.taskDefinitionArn ?? task.taskDefinitionArn!;
    if (task.lastStatus === "RUNNING") {
      if (this.ran.has(task)) return;
      this.ran.add(task);
      if (this.throttles.get(sr)?.taskDefinition === td) this.throttles.delete(sr);
      // The circuit breaker counts failures in a row: a task that runs starts the count again
      // (behind a load balancer, a task whose targets are healthy: loadBalancing.ts).
      const ran = sr.service.deployments?.find((x) => x.id === task.startedBy);
      if (ran && !sr.service.loadBalancers?.length) ran.failedTasks = 0;
      return;
    }
    // Counted when it is asked to stop, not when it has stopped: its replacement is launched then.
    if (task.desiredStatus !== "STOPPED" || !failedToStart(task) || this.counted.has(task)) return;
    this.counted.add(task);
    this.throttles.set(sr, recordFailure(this.throttles.get(sr), td, this.backend.timeline.now()));
    const d = sr.service.deployments?.find((x) => x.id === task.startedBy);
    if (d) d.failedTasks = (d.failedTasks ?? 0) + 1;
  }

  /** Capacity changed in a cluster: every service that went short there tries again. */
  wakeStarved(rec: ClusterRecord): void {
    for (const [sr, state] of this.starved.get(rec) ?? []) this.mark(state, rec, sr);
  }

  private onTask(state: EcsState, rec: ClusterRecord, task: Task): void {
    if (task.lastStatus === "STOPPED") this.wakeStarved(rec);
    const sr = serviceOfTask(rec, task);
    if (!sr) return;
    const id = lastSegment(task.taskArn!);
    if (sr.tasks.has(id)) this.throttleOn(sr, task);
    if (task.lastStatus === "STOPPED") {
      sr.tasks.delete(id);
      // A stopped task reports nothing more: what was noted of it is done with.
      this.counted.delete(task);
      this.ran.delete(task);
    } else sr.tasks.set(id, task);
    this.mark(state, rec, sr);
  }

  private run(): void {
    for (let round = 0; round < MAX_ROUNDS && this.dirty.size; round++) {
      const batch = [...this.dirty];
      this.dirty.clear();
      for (const [sr, home] of batch) {
        if (home.rec.services.get(sr.service.serviceName!) !== sr) continue;
        reconcile(this.contextFor(home.state), home.rec, sr, this);
      }
    }
  }

  private contextFor(state: EcsState): EcsContext {
    const backend = this.backend;
    return { state, backend, request: { accountId: state.accountId, region: state.region, requestId: "" }, now: () => backend.timeline.now() / 1000 };
  }
}

export function serviceChanged(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord): void {
  ctx.backend.reconciler.serviceChanged(ctx.state, rec, sr);
}

export function clusterChanged(ctx: EcsContext, rec: ClusterRecord): void {
  ctx.backend.reconciler.clusterChanged(ctx.state, rec);
}

function instanceOf(rec: ClusterRecord, t: Task): ContainerInstance | undefined {
  return t.containerInstanceArn ? rec.instances.get(lastSegment(t.containerInstanceArn)) : undefined;
}

function stopTasks(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, tasks: Task[], deploymentId: string): void {
  if (tasks.length === 0) return;
  for (const t of tasks) ctx.backend.lifecycle.stop(ctx.state, rec, t, scalingReason(deploymentId), "ServiceSchedulerInitiated");
  addEvent(ctx.state.ids, sr, ctx.now(), messages.stopped(sr.service.serviceName!, tasks.map((t) => lastSegment(t.taskArn!))));
}

/** A DRAINING service stops everything, then turns INACTIVE once its last task has stopped. */
function drain(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord): void {
  const s = sr.service;
  const primaryId = s.deployments?.[0]?.id ?? "";
  stopTasks(ctx, rec, sr, [...sr.tasks.values()].filter((t) => t.desiredStatus === "RUNNING"), primaryId);
  refreshCounts(sr, ctx.now());
  if (sr.tasks.size > 0 || sr.retiring) return;
  sr.retiring = true;
  ctx.backend.timeline.callAfter(ctx.backend.config.timings.serviceDrainMs, INACTIVE, ctx.backend, ctx.state, rec, sr);
}

const MARK = defineTimer("ecs.markService", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord) => backend.reconciler.mark(state, rec, sr));

const INACTIVE = defineTimer("ecs.serviceInactive", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord) => {
  const s = sr.service;
  if (s.status !== "DRAINING") return;
  s.status = "INACTIVE";
  for (const d of s.deployments ?? []) d.updatedAt = backend.timeline.now() / 1000;
  compactInactive(sr, backend.noEntries);
  // ECS forgets an INACTIVE service after a while; keeping them all would grow without bound.
  backend.timeline.callAfter(backend.config.timings.inactiveServiceRetentionMs, FORGET_SERVICE, state, rec, sr);
});

const FORGET_SERVICE = defineTimer("ecs.forgetService", (state: EcsState, rec: ClusterRecord, sr: ServiceRecord) => {
  const name = sr.service.serviceName!;
  if (rec.services.get(name) !== sr) return;
  rec.services.delete(name);
  state.tags.delete(sr.service.serviceArn!);
});

function reconcile(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, r: Reconciler): void {
  const s = sr.service;
  const now = ctx.now();
  pruneDeployments(sr);
  if (s.status === "INACTIVE") return;
  if (s.status === "DRAINING") {
    r.starve(ctx.state, rec, sr, false);
    return drain(ctx, rec, sr);
  }
  // An EXTERNAL service has no deployments: its task sets hold the tasks it wants.
  if (s.deploymentController?.type === "EXTERNAL") return r.starve(ctx.state, rec, sr, reconcileTaskSets(ctx, rec, sr));
  const primary = s.deployments![0];
  const launch = sr.launches.get(primary.id!)!;
  const mayLaunch = checkCircuitBreaker(ctx, rec, sr, primary);
  // Rolled back: the next pass works for the new primary.
  if (s.deployments![0] !== primary) return;
  const daemon = s.schedulingStrategy === "DAEMON";
  const eligible = daemon ? daemonInstances(ctx.state, rec, launch) : [];
  if (daemon) s.desiredCount = eligible.length;
  const desired = s.desiredCount ?? 0;
  const eligibleArns = new Set(eligible.map((ci) => ci.containerInstanceArn));

  const live = [...sr.tasks.values()];
  const active = live.filter((t) => t.desiredStatus === "RUNNING");
  const usable = (t: Task): boolean => {
    if (launch.launchType === "FARGATE" || !t.containerInstanceArn) return true;
    if (daemon) return eligibleArns.has(t.containerInstanceArn);
    return instanceOf(rec, t)?.status === "ACTIVE";
  };
  const staying = active.filter((t) => t.startedBy === primary.id && usable(t));
  const leaving = active.filter((t) => !staying.includes(t));
  const config = s.deploymentConfiguration ?? {};
  // Behind a load balancer a task counts once its targets are healthy, not merely once it runs.
  const healthy = (t: Task): boolean => ctx.backend.loadBalancing.healthy(ctx.state, sr, t);
  const unhealthy = !!s.loadBalancers?.length && live.some((t) => t.desiredStatus === "RUNNING" && !healthy(t));
  const plan = planRolling({
    desired,
    maximumPercent: config.maximumPercent ?? (daemon ? 100 : 200),
    minimumHealthyPercent: config.minimumHealthyPercent ?? (daemon ? 0 : 100),
    staying,
    leaving,
    inFlight: unhealthy || live.some((t) => t.lastStatus !== "RUNNING" || t.desiredStatus !== "RUNNING"),
    isProtected: (t) => isProtected(ctx.state, t.taskArn!, now),
    isHealthy: healthy,
  });

  // An Express canary keeps the earlier revision's tasks until its traffic has moved.
  stopTasks(ctx, rec, sr, sr.holdLeaving ? plan.stop.filter((t) => t.startedBy === primary.id) : plan.stop, primary.id!);
  if (plan.blocked) addProblem(ctx.state.ids, sr, now, messages.deploymentBlocked(s.serviceName!));
  if (plan.start > 0 && (!mayLaunch || r.launchHeld(ctx, rec, sr, launch.td.taskDefinitionArn!))) r.starve(ctx.state, rec, sr, false);
  else if (plan.start > 0) {
    const started = daemon ? startDaemonTasks(ctx, rec, sr, launch, eligible, plan.start) : startReplicaTasks(ctx, rec, sr, launch, plan.start);
    for (const t of started.tasks) sr.tasks.set(lastSegment(t.taskArn!), t);
    if (started.tasks.length) addEvent(ctx.state.ids, sr, now, messages.started(s.serviceName!, started.tasks.map((t) => lastSegment(t.taskArn!))));
    if (started.problem) addProblem(ctx.state.ids, sr, now, started.problem);
    else sr.lastProblem = undefined;
    r.starve(ctx.state, rec, sr, started.problem !== undefined);
  } else r.starve(ctx.state, rec, sr, false);

  refreshCounts(sr, now);
  pruneDeployments(sr);
  if (!unhealthy && completeIfDone(sr, now)) addEvent(ctx.state.ids, sr, now, messages.deploymentCompleted(s.serviceName!, primary.id!));
  if (unhealthy || !isSettled(sr)) sr.steady = false;
  else if (!sr.steady) {
    sr.steady = true;
    sr.lastProblem = undefined;
    addEvent(ctx.state.ids, sr, now, messages.steady(s.serviceName!));
  }
}
