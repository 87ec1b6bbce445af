// The scheduler's side of EXTERNAL services: each task set keeps its computed desired count of
// tasks running, a DRAINING one stops everything and then leaves the service.
import type { EcsContext } from "../context.js";
import type { Task, TaskSet } from "../generated/types.js";
import { addEvent, addProblem, messages, scalingReason } from "../domain/serviceEvents.js";
import { isProtected } from "../domain/taskProtection.js";
import type { ClusterRecord, ServiceRecord } from "../store.js";
import { planRolling } from "./deployments.js";
import { startReplicaTasks, type Started } from "./serviceTasks.js";

const STARTING = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

const taskList = (ids: string[]): string => ids.map((id) => `(task ${id})`).join(" ");
const who = (sr: ServiceRecord, ts: TaskSet): string => `(service ${sr.service.serviceName}, taskSet ${ts.id})`;
const idOf = (t: Task): string => t.taskArn!.split("/").pop()!;

/** Starts `count` tasks of the task set; answers the problem event when not all could be placed. */
function start(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, ts: TaskSet, mine: Task[], count: number): Started {
  return startReplicaTasks(ctx, rec, sr, sr.launches.get(ts.id!)!, count, ts.id, mine);
}

/** Brings one task set towards its desired count; answers whether it went short of capacity. */
function reconcileOne(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, ts: TaskSet): boolean {
  const now = ctx.now();
  const launch = sr.launches.get(ts.id!)!;
  const desired = ts.status === "DRAINING" ? 0 : (ts.computedDesiredCount ?? 0);
  const mine = [...sr.tasks.values()].filter((t) => t.startedBy === ts.id);
  const active = mine.filter((t) => t.desiredStatus === "RUNNING");
  const usable = (t: Task): boolean =>
    launch.launchType === "FARGATE" || !t.containerInstanceArn || rec.instances.get(t.containerInstanceArn.split("/").pop()!)?.status === "ACTIVE";
  const config = sr.service.deploymentConfiguration ?? {};
  const plan = planRolling({
    desired,
    maximumPercent: config.maximumPercent ?? 200,
    minimumHealthyPercent: config.minimumHealthyPercent ?? 100,
    staying: active.filter(usable),
    leaving: active.filter((t) => !usable(t)),
    inFlight: mine.some((t) => t.lastStatus !== "RUNNING" || t.desiredStatus !== "RUNNING"),
    isProtected: (t) => isProtected(ctx.state, t.taskArn!, now),
  });
  if (plan.stop.length) {
    for (const t of plan.stop) ctx.backend.lifecycle.stop(ctx.state, rec, t, scalingReason(ts.id!), "ServiceSchedulerInitiated");
    addEvent(ctx.state.ids, sr, now, `${who(sr, ts)} has stopped ${plan.stop.length} running tasks: ${taskList(plan.stop.map(idOf))}.`);
  }
  if (plan.start <= 0) return false;
  const started = start(ctx, rec, sr, ts, mine, plan.start);
  for (const t of started.tasks) sr.tasks.set(idOf(t), t);
  if (started.tasks.length) addEvent(ctx.state.ids, sr, now, `${who(sr, ts)} has started ${started.tasks.length} tasks: ${taskList(started.tasks.map(idOf))}.`);
  if (started.problem) addProblem(ctx.state.ids, sr, now, started.problem);
  else sr.lastProblem = undefined;
  return started.problem !== undefined;
}

/** Running and pending counts and the stability of each task set, and the service's totals. */
function refresh(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord): void {
  const now = ctx.now();
  const s = sr.service;
  s.runningCount = 0;
  s.pendingCount = 0;
  for (const ts of s.taskSets ?? []) {
    const mine = [...sr.tasks.values()].filter((t) => t.startedBy === ts.id);
    const running = mine.filter((t) => t.lastStatus === "RUNNING").length;
    const pending = mine.filter((t) => STARTING.has(t.lastStatus!) && t.desiredStatus === "RUNNING").length;
    if (running !== ts.runningCount || pending !== ts.pendingCount) ts.updatedAt = now;
    ts.runningCount = running;
    ts.pendingCount = pending;
    s.runningCount += running;
    s.pendingCount += pending;
    const onDraining = mine.some((t) => t.containerInstanceArn && rec.instances.get(t.containerInstanceArn.split("/").pop()!)?.status !== "ACTIVE");
    const steady =
      ts.status !== "DRAINING" && running === ts.computedDesiredCount && pending === 0 && !onDraining && mine.every((t) => t.desiredStatus === "RUNNING");
    const stability = steady ? "STEADY_STATE" : "STABILIZING";
    if (ts.stabilityStatus !== stability) {
      ts.stabilityStatus = stability;
      ts.stabilityStatusAt = now;
    }
  }
}

/** A DRAINING task set whose last task has stopped leaves the service, its tags and launch with it. */
function removeDrained(ctx: EcsContext, sr: ServiceRecord): void {
  const s = sr.service;
  s.taskSets = (s.taskSets ?? []).filter((ts) => {
    if (ts.status !== "DRAINING" || [...sr.tasks.values()].some((t) => t.startedBy === ts.id)) return true;
    sr.launches.delete(ts.id!);
    ctx.state.tags.delete(ts.taskSetArn!);
    return false;
  });
}

/** Reconciles an ACTIVE EXTERNAL service; answers whether some task set went short of capacity. */
export function reconcileTaskSets(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord): boolean {
  let short = false;
  for (const ts of sr.service.taskSets ?? []) short = reconcileOne(ctx, rec, sr, ts) || short;
  removeDrained(ctx, sr);
  refresh(ctx, rec, sr);
  const settled = (sr.service.taskSets ?? []).every((ts) => ts.stabilityStatus === "STEADY_STATE");
  if (!settled) sr.steady = false;
  else if (!sr.steady) {
    sr.steady = true;
    sr.lastProblem = undefined;
    addEvent(ctx.state.ids, sr, ctx.now(), messages.steady(sr.service.serviceName!));
  }
  return short;
}
