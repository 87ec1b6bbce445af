// Tasks that wait for capacity: a task started through a capacity provider with managed scaling that
// no instance can take stays PROVISIONING, without a container instance, instead of failing; it is
// placed (by the same placement as any task, with its strategies and constraints) when capacity
// changes in its cluster (an instance joins, a task stops), and stops after a while if none comes.
import type { RequestContext } from "../../../protocol/context.js";
import { contextOf } from "../domain/timerContext.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { ContainerInstance, Task, TaskStopCode } from "../generated/types.js";
import { matchesExpression } from "../domain/clusterQuery.js";
import { reserve } from "../domain/resources.js";
import { launchTask, type NewTask } from "../domain/tasks.js";
import { candidates } from "../scheduler/candidates.js";
import { place } from "../scheduler/placement.js";
import { dynamicPortsOf, type ClusterRecord, type EcsState } from "../store.js";
import { ownContext } from "./autoScaling.js";
import { waitFailures } from "./messages.js";
import type { WaitingTask } from "./types.js";

/** How long a task waits for capacity: the blog gives 10 to 30 minutes; the longest is taken (chosen). */
export const PROVISIONING_TIMEOUT_MS = 30 * 60_000;

const STOP_CODE: TaskStopCode = "TaskFailedToStart";

const taskId = (t: Task): string => t.taskArn!.split("/").pop()!;

/** Starts a task that waits for capacity: PROVISIONING, queued, stopped if nothing takes it in time. */
export function awaitCapacity(ctx: EcsContext, rec: ClusterRecord, n: NewTask & Pick<WaitingTask, "strategies" | "constraints">): Task {
  const task = launchTask(ctx, rec, { ...n, instance: undefined, waiting: true });
  // Its zone is its instance's, unknown until it has one (an awsvpc task's subnet names one already).
  if (!n.networkConfiguration?.awsvpcConfiguration?.subnets?.length) task.availabilityZone = undefined;
  const w: WaitingTask = { task, needs: n.needs, strategies: n.strategies, constraints: n.constraints };
  const id = taskId(task);
  rec.waiting.set(id, w);
  const { backend, state } = ctx;
  w.timer = backend.timeline.callAfter(PROVISIONING_TIMEOUT_MS, TIMED_OUT, backend, state, ctx.request, rec, id, w);
  // A Managed Instances provider launches what its waiting tasks need.
  backend.fleet.need(state, rec);
  return task;
}

/** Why a waiting task never found an instance, in the words of ECS's API failure reasons. */
function failureReason(ctx: EcsContext, rec: ClusterRecord, w: WaitingTask): string {
  const provider = w.task.capacityProviderName;
  const registered = [...rec.instances.values()].some((ci) => ci.status !== "INACTIVE" && (!ci.capacityProviderName || ci.capacityProviderName === provider));
  if (!registered) return waitFailures.empty;
  const cands = candidates(ctx.state, rec, w.task.group ?? "", provider);
  if (!cands.length) return waitFailures.noActive;
  const r = place({ count: 1, needs: w.needs, candidates: cands, strategies: w.strategies, constraints: w.constraints, matches: matchesExpression, random: ctx.state.ids.random });
  return r.failures[0]?.reason ?? "RESOURCE:CPU";
}

/** The task gets its instance: resources reserved, host ports bound, and its lifecycle begins. */
function assign(ctx: EcsContext, rec: ClusterRecord, w: WaitingTask, ci: ContainerInstance): void {
  const task = w.task;
  const bindings = reserve(ci, w.needs, dynamicPortsOf(rec, ci));
  task.containerInstanceArn = ci.containerInstanceArn;
  const zone = ci.attributes?.find((a) => a.name === "ecs.availability-zone")?.value;
  if (zone) task.availabilityZone = zone;
  if (bindings.length) for (const c of task.containers ?? []) c.networkBindings = bindings.filter((_, i) => w.needs.ports[i].containerName === c.name);
  rec.index.placed(task);
  ctx.backend.timeline.cancel(w.timer);
  ctx.backend.lifecycle.begin(ctx.state, rec, task);
  ctx.backend.lifecycle.touch(ctx.state, rec, task);
}

/** Places what waits in the cluster, oldest first; true when a task got an instance. */
export function placeWaiting(ctx: EcsContext, rec: ClusterRecord): boolean {
  let placed = false;
  for (const [id, w] of [...rec.waiting]) {
    if (w.task.desiredStatus === "STOPPED" || rec.tasks.get(id) !== w.task) {
      ctx.backend.timeline.cancel(w.timer);
      rec.waiting.delete(id);
      continue;
    }
    const cands = candidates(ctx.state, rec, w.task.group ?? "", w.task.capacityProviderName);
    if (!cands.length) continue;
    const r = place({ count: 1, needs: w.needs, candidates: cands, strategies: w.strategies, constraints: w.constraints, matches: matchesExpression, random: ctx.state.ids.random });
    if (!r.placements.length) continue;
    rec.waiting.delete(id);
    assign(ctx, rec, w, r.placements[0]);
    placed = true;
  }
  return placed;
}

/** The tasks a provider's waiting tasks in a cluster, still meant to run. */
export function waitingFor(rec: ClusterRecord, provider: string): WaitingTask[] {
  return [...rec.waiting.values()].filter((w) => w.task.capacityProviderName === provider && w.task.desiredStatus !== "STOPPED");
}

function forget(backend: EcsBackend, rec: ClusterRecord, task: Task): void {
  const id = taskId(task);
  const w = rec.waiting.get(id);
  if (w?.task !== task) return;
  backend.timeline.cancel(w.timer);
  rec.waiting.delete(id);
}

/** Looks at a cluster's waiting tasks again after each batch of due work in which its capacity changed. */
export class Provisioning {
  private dirty = new Map<ClusterRecord, EcsState>();

  constructor(private readonly backend: EcsBackend) {
    backend.taskListeners.push((state, rec, task) => {
      // A waiting task asked to stop (StopTask, a service scaling in) waits no more.
      if (task.desiredStatus === "STOPPED" && !task.containerInstanceArn) forget(backend, rec, task);
      if (task.lastStatus === "STOPPED") this.capacityChanged(state, rec);
    });
    backend.timeline.onAfterRun(() => this.run());
  }

  /** Instances joined or left, or resources were freed: the cluster's waiting tasks look again. */
  capacityChanged(state: EcsState, rec: ClusterRecord): void {
    if (rec.waiting.size === 0) return;
    this.dirty.set(rec, state);
    this.backend.timeline.wake();
  }

  clear(): void {
    this.dirty.clear();
  }

  private run(): void {
    if (!this.dirty.size) return;
    const batch = [...this.dirty];
    this.dirty.clear();
    let placed = false;
    for (const [rec, state] of batch) {
      placed = placeWaiting(ownContext(this.backend, state), rec) || placed;
      // What is still waiting may need instances of a Managed Instances provider.
      if (rec.waiting.size) this.backend.fleet.need(state, rec);
    }
    // What was placed changed tasks and instances: the service scheduler looks again in this batch.
    if (placed) this.backend.timeline.wake();
  }
}

const TIMED_OUT = defineTimer("ecs.capacityWaitTimedOut", (backend: EcsBackend, state: EcsState, request: RequestContext, rec: ClusterRecord, id: string, w: WaitingTask) => {
  if (rec.waiting.get(id) !== w) return;
  rec.waiting.delete(id);
  if (w.task.desiredStatus !== "STOPPED") backend.lifecycle.stop(state, rec, w.task, failureReason(contextOf(backend, state, request), rec, w), STOP_CODE);
});
