// Service deployments: making one, counting its tasks, the rolling-update arithmetic, and completion.
import type { Deployment, DeploymentConfiguration, ServiceDeployment, Task } from "../generated/types.js";
import { ecsArn, lastSegment } from "../domain/arn.js";
import type { IdSource } from "../../../state/ids.js";
import { FARGATE_PLATFORM_VERSION } from "../domain/tasks.js";
import type { EcsState, ServiceLaunch, ServiceRecord } from "../store.js";
import { recordRevision, revisionArnOf } from "../domain/serviceRevisions.js";
import { cloneData } from "../../../state/clone.js";
import { EMPTY } from "../../../state/shared.js";

export const inProgress = (id: string): string => `ECS deployment ${id} in progress.`;
export const completed = (id: string): string => `ECS deployment ${id} completed.`;

const STARTING = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

/** A service's configuration when CreateService gives none: one frozen value per scheduling strategy (UpdateService replaces, never edits, it). */
const DEFAULT_CONFIGURATION = [false, true].map((daemon) => Object.freeze({ ...defaults(daemon, undefined), deploymentCircuitBreaker: Object.freeze({ enable: false, rollback: false }) }));

export function defaultDeploymentConfiguration(daemon: boolean, given: DeploymentConfiguration | undefined): DeploymentConfiguration {
  return given ? defaults(daemon, given) : DEFAULT_CONFIGURATION[Number(daemon)];
}

function defaults(daemon: boolean, given: DeploymentConfiguration | undefined): DeploymentConfiguration {
  return {
    deploymentCircuitBreaker: { enable: false, rollback: false },
    maximumPercent: daemon ? 100 : 200,
    minimumHealthyPercent: daemon ? 0 : 100,
    ...given,
  };
}

/** What a deployment carries besides its launch. */
export type DeploymentWiring = Pick<Deployment, "serviceConnectConfiguration" | "serviceConnectResources" | "volumeConfigurations">;

/** A new PRIMARY deployment of `launch`, with its service revision and service deployment. */
export function addDeployment(state: EcsState, sr: ServiceRecord, launch: ServiceLaunch, now: number, wiring: DeploymentWiring = {}): Deployment {
  const d = installDeployment(state.ids, sr, launch, now, wiring);
  recordServiceDeployment(state, sr, d.id!, recordRevision(state, sr, d, launch, now), now);
  return d;
}

/** Makes a deployment of `launch` PRIMARY; the one before it (if any) becomes ACTIVE and drains. */
export function installDeployment(ids: IdSource, sr: ServiceRecord, launch: ServiceLaunch, now: number, wiring: DeploymentWiring = {}): Deployment {
  const s = sr.service;
  const id = ids.deploymentId();
  const fargate = launch.launchType === "FARGATE";
  const d: Deployment = {
    id,
    status: "PRIMARY",
    taskDefinition: launch.td.taskDefinitionArn,
    // A deployment that replaces another wants nothing until the scheduler takes it up (right after
    // the answer), as UpdateService answers in ECS; a new service's first one wants its count at once.
    desiredCount: s.deployments?.length ? 0 : (s.desiredCount ?? 0),
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    ...(launch.capacityProviderName ? { capacityProviderStrategy: cloneData(s.capacityProviderStrategy ?? []) } : { launchType: launch.launchType }),
    ...(fargate ? { platformVersion: launch.platformVersion ?? FARGATE_PLATFORM_VERSION, platformFamily: "Linux" } : {}),
    ...(launch.networkConfiguration ? { networkConfiguration: cloneData(launch.networkConfiguration) } : {}),
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: inProgress(id),
    ...(wiring.serviceConnectConfiguration ? { serviceConnectConfiguration: wiring.serviceConnectConfiguration } : {}),
    ...(wiring.serviceConnectResources?.length ? { serviceConnectResources: wiring.serviceConnectResources } : {}),
    ...(wiring.volumeConfigurations ? { volumeConfigurations: wiring.volumeConfigurations } : {}),
  };
  for (const old of s.deployments ?? []) old.status = "ACTIVE";
  s.deployments = [d, ...(s.deployments ?? [])];
  sr.launches.set(id, launch);
  sr.steady = false;
  return d;
}

/** What a service deployment shows until its circuit breaker or alarms act (circuitBreaker.ts replaces it then). */
const BREAKER_DISABLED = Object.freeze({ status: "DISABLED", failureCount: 0, threshold: 0 } as const);
const ALARMS_DISABLED = Object.freeze({ status: "DISABLED" } as const);

const UNFINISHED = new Set(["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"]);

function recordServiceDeployment(state: EcsState, sr: ServiceRecord, id: string, target: string, now: number): void {
  const s = sr.service;
  const [cluster, name] = [lastSegment(s.clusterArn!), s.serviceName!];
  const revision = (n: string) => ecsArn(state, `service-revision/${cluster}/${name}/${n}`);
  const sources = (s.deployments ?? []).slice(1).map((d) => ({ arn: revisionArnOf(sr, d.id!) ?? revision(d.id!.slice("ecs-svc/".length)), requestedTaskCount: d.desiredCount, runningTaskCount: d.runningCount, pendingTaskCount: d.pendingCount }));
  for (const h of sr.history) {
    if (UNFINISHED.has(h.serviceDeployment.status!)) {
      h.serviceDeployment.status = "STOPPED";
      h.serviceDeployment.statusReason = "Service deployment stopped because a newer deployment started.";
      h.serviceDeployment.stoppedAt = now;
      h.serviceDeployment.updatedAt = now;
    }
  }
  const sd: ServiceDeployment = {
    serviceDeploymentArn: ecsArn(state, `service-deployment/${cluster}/${name}/${state.ids.hexId().slice(0, 20)}`),
    serviceArn: s.serviceArn,
    clusterArn: s.clusterArn,
    createdAt: now,
    startedAt: now,
    updatedAt: now,
    sourceServiceRevisions: sources.length ? sources : EMPTY,
    targetServiceRevision: { arn: target, requestedTaskCount: s.desiredCount ?? 0, runningTaskCount: 0, pendingTaskCount: 0 },
    status: "IN_PROGRESS",
    // Frozen values are never edited (replaced when they change), so the record may hold the service's own.
    deploymentConfiguration: Object.isFrozen(s.deploymentConfiguration) ? s.deploymentConfiguration : cloneData(s.deploymentConfiguration),
    deploymentCircuitBreaker: BREAKER_DISABLED,
    alarms: ALARMS_DISABLED,
  };
  sr.history.unshift({ deploymentId: id, serviceDeployment: sd });
  s.currentServiceDeployment = sd.serviceDeploymentArn;
}

/** Running and pending counts per deployment and for the service, from its live tasks. */
export function refreshCounts(sr: ServiceRecord, now: number): void {
  const counts = new Map<string, { running: number; pending: number; active: number }>();
  for (const t of sr.tasks.values()) {
    const c = counts.get(t.startedBy!) ?? { running: 0, pending: 0, active: 0 };
    if (t.lastStatus === "RUNNING") c.running++;
    else if (STARTING.has(t.lastStatus!) && t.desiredStatus === "RUNNING") c.pending++;
    if (t.desiredStatus === "RUNNING") c.active++;
    counts.set(t.startedBy!, c);
  }
  const s = sr.service;
  let running = 0;
  let pending = 0;
  (s.deployments ?? []).forEach((d, i) => {
    const c = counts.get(d.id!) ?? { running: 0, pending: 0, active: 0 };
    const desired = i === 0 ? (s.desiredCount ?? 0) : c.active;
    if (d.runningCount !== c.running || d.pendingCount !== c.pending || d.desiredCount !== desired) d.updatedAt = now;
    d.runningCount = c.running;
    d.pendingCount = c.pending;
    d.desiredCount = desired;
    running += c.running;
    pending += c.pending;
  });
  s.runningCount = running;
  s.pendingCount = pending;
  const current = sr.history[0];
  if (current && current.deploymentId === s.deployments?.[0]?.id) {
    const target = current.serviceDeployment.targetServiceRevision!;
    const primary = s.deployments[0];
    target.requestedTaskCount = primary.desiredCount;
    target.runningTaskCount = primary.runningCount;
    target.pendingTaskCount = primary.pendingCount;
  }
}

/** Forgets deployments other than the primary once none of their tasks is left. */
export function pruneDeployments(sr: ServiceRecord): void {
  const s = sr.service;
  if (!s.deployments || s.deployments.length < 2) return;
  const withTasks = new Set<string>();
  for (const t of sr.tasks.values()) withTasks.add(t.startedBy!);
  s.deployments = s.deployments.filter((d, i) => {
    if (i === 0 || withTasks.has(d.id!)) return true;
    sr.launches.delete(d.id!);
    return false;
  });
}

/** Marks the primary deployment COMPLETED once it alone runs the desired count; answers whether it just did. */
export function completeIfDone(sr: ServiceRecord, now: number): boolean {
  const s = sr.service;
  const primary = s.deployments?.[0];
  if (!primary || primary.rolloutState !== "IN_PROGRESS" || !isSettled(sr)) return false;
  primary.rolloutState = "COMPLETED";
  primary.rolloutStateReason = completed(primary.id!);
  primary.updatedAt = now;
  const h = sr.history.find((x) => x.deploymentId === primary.id || x.rollbackDeploymentId === primary.id);
  const status = h?.rollbackDeploymentId === primary.id ? "ROLLBACK_SUCCESSFUL" : "SUCCESSFUL";
  if (h) Object.assign(h.serviceDeployment, { status, finishedAt: now, updatedAt: now });
  return true;
}

/** One deployment, its running count at the desired count, nothing starting or stopping. */
export function isSettled(sr: ServiceRecord): boolean {
  const s = sr.service;
  if (s.deployments?.length !== 1) return false;
  const primary = s.deployments[0];
  if (primary.runningCount !== (s.desiredCount ?? 0) || primary.pendingCount !== 0) return false;
  for (const t of sr.tasks.values()) if (t.desiredStatus !== "RUNNING" || t.startedBy !== primary.id) return false;
  return true;
}

export interface RollingInput {
  desired: number;
  maximumPercent: number;
  minimumHealthyPercent: number;
  /** Primary tasks that may stay (desired RUNNING, on a usable instance). */
  staying: Task[];
  /** Tasks that must go: older deployments, or instances that are draining or gone. */
  leaving: Task[];
  /** Whether some task is still starting or stopping, so the picture will change by itself. */
  inFlight: boolean;
  /** Tasks under scale-in protection: neither scale-in nor a deployment stops them. */
  isProtected?: (t: Task) => boolean;
  /** Whether a task counts as healthy (RUNNING, and its load balancer targets healthy); RUNNING by default. */
  isHealthy?: (t: Task) => boolean;
}

export interface RollingPlan {
  stop: Task[];
  start: number;
  /** The deployment configuration leaves no move: neither a start nor a stop is allowed. */
  blocked: boolean;
}

const isRunning = (t: Task): boolean => t.lastStatus === "RUNNING";

/** Newest first, tasks not yet running before running ones: the cheapest to lose. */
function stopOrder(a: Task, b: Task): number {
  return Number(isRunning(a)) - Number(isRunning(b)) || (b.createdAt ?? 0) - (a.createdAt ?? 0);
}

/**
 * One step of a rolling update: start primary tasks up to maximumPercent of the desired count,
 * stop leaving tasks while at least minimumHealthyPercent stay RUNNING, and scale in extra primaries.
 */
export function planRolling(i: RollingInput): RollingPlan {
  const maxTasks = Math.floor((i.desired * i.maximumPercent) / 100);
  const minHealthy = Math.ceil((i.desired * i.minimumHealthyPercent) / 100);
  const stop: Task[] = [];
  const stoppable = (t: Task): boolean => !i.isProtected?.(t);
  let staying = i.staying;
  if (staying.length > i.desired) {
    const extra = staying.filter(stoppable).sort(stopOrder).slice(0, staying.length - i.desired);
    stop.push(...extra);
    staying = staying.filter((t) => !extra.includes(t));
  }
  const isHealthy = i.isHealthy ?? isRunning;
  let healthy = [...staying, ...i.leaving].filter(isHealthy).length;
  let leavingStopped = 0;
  const mayLeave = i.leaving.filter(stoppable);
  for (const t of mayLeave.sort(stopOrder)) {
    if (isHealthy(t)) {
      if (healthy - 1 < minHealthy) continue;
      healthy--;
    }
    stop.push(t);
    leavingStopped++;
  }
  const remaining = staying.length + i.leaving.length - leavingStopped;
  const want = Math.max(0, i.desired - staying.length);
  const start = i.leaving.length === 0 ? want : Math.min(want, Math.max(0, maxTasks - remaining));
  // Protected tasks are waited for, not a configuration that blocks the deployment.
  const blocked = mayLeave.length > 0 && leavingStopped === 0 && start === 0 && !i.inFlight;
  return { stop, start, blocked };
}
