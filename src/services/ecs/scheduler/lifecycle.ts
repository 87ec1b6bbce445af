// The task lifecycle as data: each state, how long a task stays in it, and what entering it changes.
// Transitions are timers on the timeline; a timer that finds its task elsewhere does nothing.
import { defineTimer } from "../../../engine/timers.js";
import { lastSegment } from "../domain/arn.js";
import type { LifecycleTimings } from "../../../config.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { Task, TaskStopCode } from "../generated/types.js";
import { dynamicPortsOf, type ClusterRecord, type EcsState } from "../store.js";
import { release } from "../domain/resources.js";
import type { IdSource } from "../../../state/ids.js";
import { attachEni, runtimeIdFor } from "../domain/tasks.js";
import { runtimeEntered } from "./runtimeEvents.js";
import { interfaceAllocator, releaseInterfaces } from "../domain/network.js";

type Status = "PROVISIONING" | "PENDING" | "ACTIVATING" | "RUNNING" | "DEACTIVATING" | "STOPPING" | "DEPROVISIONING" | "STOPPED";

interface Step {
  next: Status;
  /** How long a task stays in the state before it moves on. */
  stay: keyof LifecycleTimings;
}

/**
 * Where a new task starts: PROVISIONING is for a task whose elastic network interface must be
 * provisioned first (awsvpc, Fargate); a bridge or host task on EC2 starts PENDING.
 */
const FIRST: Record<"withEni" | "withoutEni", Status> = { withEni: "PROVISIONING", withoutEni: "PENDING" };

/** Starting: PROVISIONING → PENDING → ACTIVATING → RUNNING. */
const STARTING: Partial<Record<Status, Step>> = {
  PROVISIONING: { next: "PENDING", stay: "provisioningMs" },
  PENDING: { next: "ACTIVATING", stay: "pendingMs" },
  ACTIVATING: { next: "RUNNING", stay: "activatingMs" },
};

/** Stopping: DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED. */
const STOPPING: Partial<Record<Status, Step>> = {
  DEACTIVATING: { next: "STOPPING", stay: "deactivatingMs" },
  STOPPING: { next: "DEPROVISIONING", stay: "stoppingMs" },
  DEPROVISIONING: { next: "STOPPED", stay: "deprovisioningMs" },
};

/** The task reaches its host: connected, image pull begun (once, whichever state comes first); `enter` attaches its interface. */
function connect(t: Task, now: number): void {
  if (t.connectivity) return;
  t.pullStartedAt = now;
  t.connectivity = "CONNECTED";
  t.connectivityAt = now;
}

const ENTER: Partial<Record<Status, (t: Task, now: number, ids: IdSource) => void>> = {
  PENDING: connect,
  ACTIVATING(t, now) {
    connect(t, now);
    t.pullStoppedAt = now;
  },
  RUNNING(t, now, ids) {
    t.startedAt = now;
    for (const c of t.containers ?? []) {
      // A container a runtime saw exit already (a dependency that completes) stays STOPPED.
      if (c.lastStatus !== "STOPPED") c.lastStatus = "RUNNING";
      c.runtimeId ??= runtimeIdFor(t, ids);
      // ECS Exec's agent starts with the containers of a task that allows it.
      if (t.enableExecuteCommand) c.managedAgents = [{ lastStartedAt: now, name: "ExecuteCommandAgent", lastStatus: "RUNNING" }];
    }
  },
  STOPPING(t, now) {
    // The agent may have reported when execution stopped.
    t.executionStoppedAt ??= now;
    for (const c of t.containers ?? []) {
      // Containers that never ran have no exit code; the rest exit cleanly on a stop.
      if (c.lastStatus === "RUNNING") c.exitCode = 0;
      c.lastStatus = "STOPPED";
      for (const a of c.managedAgents ?? []) a.lastStatus = "STOPPED";
    }
  },
  STOPPED(t, now) {
    t.stoppedAt = now;
    t.connectivity = "DISCONNECTED";
    t.pullStoppedAt ??= t.pullStartedAt;
    setEni(t, "DELETED");
  },
};

function setEni(t: Task, status: string): void {
  for (const a of t.attachments ?? []) if (a.type === "ElasticNetworkInterface") a.status = status;
}

export class Lifecycle {
  /** Extra time a task stays DEACTIVATING: its load balancer targets draining. */
  private readonly deactivatingHolds = new Map<Task, number>();

  constructor(private readonly backend: EcsBackend) {}

  /** Forgets the tasks it held (the state they lived in was reset). */
  clear(): void {
    this.deactivatingHolds.clear();
  }

  /** Keeps the task DEACTIVATING `ms` longer than the configured time (called before it gets there). */
  holdDeactivating(task: Task, ms: number): void {
    if (ms > 0) this.deactivatingHolds.set(task, ms);
  }

  private now(): number {
    return this.backend.timeline.now() / 1000;
  }

  private changed(state: EcsState, rec: ClusterRecord, task: Task): void {
    task.version = (task.version ?? 0) + 1;
    for (const listener of this.backend.taskListeners) listener(state, rec, task);
  }

  /** Records a change made outside the lifecycle (an agent's report): new version, listeners told. */
  touch(state: EcsState, rec: ClusterRecord, task: Task): void {
    this.changed(state, rec, task);
  }

  /** The agent says the task runs: it passes through the starting states left at once. */
  runNow(state: EcsState, rec: ClusterRecord, task: Task): void {
    while (task.desiredStatus === "RUNNING" && STARTING[task.lastStatus as Status]) {
      this.enter(state, rec, task, STARTING[task.lastStatus as Status]!.next, STARTING);
    }
  }

  /** Puts a new task in its first state and sets it on its way to RUNNING. */
  begin(state: EcsState, rec: ClusterRecord, task: Task): void {
    let needsEni = false;
    for (const a of task.attachments ?? []) if (a.type === "ElasticNetworkInterface") needsEni = true;
    const first = FIRST[needsEni ? "withEni" : "withoutEni"];
    if (task.lastStatus !== first) {
      const from = task.lastStatus;
      task.lastStatus = first;
      rec.index.statusChanged(task, from);
    }
    // A task created in a state a runtime acts on (PENDING) is handed to it as if it had entered it.
    runtimeEntered(this.backend, state, rec, task, task.lastStatus!);
    this.schedule(state, rec, task, STARTING);
  }

  /** Asks a task to stop: desiredStatus is STOPPED at once, the states follow on the timeline. */
  stop(state: EcsState, rec: ClusterRecord, task: Task, reason: string, stopCode: TaskStopCode): void {
    if (task.desiredStatus === "STOPPED") return;
    task.desiredStatus = "STOPPED";
    rec.index.stopRequested(task);
    task.stoppingAt = this.now();
    task.stoppedReason = reason;
    task.stopCode = stopCode;
    this.changed(state, rec, task);
    this.backend.timeline.call(this.backend.timeline.now(), BEGIN_STOP, this.backend, state, rec, task);
  }

  private schedule(state: EcsState, rec: ClusterRecord, task: Task, table: Partial<Record<Status, Step>>): void {
    const from = task.lastStatus as Status;
    const step = table[from];
    if (!step || this.backend.runtime.holds(from)) return;
    const hold = from === "DEACTIVATING" ? (this.deactivatingHolds.get(task) ?? 0) : 0;
    if (from === "DEACTIVATING") this.deactivatingHolds.delete(task);
    const at = this.backend.timeline.now() + this.backend.config.timings[step.stay] + hold;
    this.backend.timeline.call(at, STEP, this.backend, state, rec, task, from, table === STARTING ? "starting" : "stopping");
  }

  /** A scheduled step, if the task is still where it was when the step was planned. */
  step(state: EcsState, rec: ClusterRecord, task: Task, from: string, path: "starting" | "stopping"): void {
    if (task.lastStatus !== from) return;
    // A stop overtakes a start: the stop path is already on its way.
    if (path === "starting" && task.desiredStatus === "STOPPED") return;
    const table = path === "starting" ? STARTING : STOPPING;
    this.enter(state, rec, task, table[from as Status]!.next, table);
  }

  /** The first step of a stop (scheduled by stop()). */
  beginStop(state: EcsState, rec: ClusterRecord, task: Task): void {
    this.enter(state, rec, task, "DEACTIVATING", STOPPING);
  }

  private enter(state: EcsState, rec: ClusterRecord, task: Task, status: Status, table: Partial<Record<Status, Step>>): void {
    if (task.lastStatus === "STOPPED") return;
    const from = task.lastStatus;
    task.lastStatus = status;
    rec.index.statusChanged(task, from);
    // The interface is EC2's: made when the task reaches its host, gone when it stops.
    if ((status === "PENDING" || status === "ACTIVATING") && !task.connectivity) attachEni(task, this.backend.ids, interfaceAllocator(this.backend.peers, state, task, this.now()));
    ENTER[status]?.(task, this.now(), this.backend.ids);
    runtimeEntered(this.backend, state, rec, task, status);
    if (status === "STOPPED") {
      releaseInterfaces(this.backend.peers, state, task);
      this.finish(state, rec, task);
    }
    this.changed(state, rec, task);
    this.schedule(state, rec, task, table);
  }

  /** The runtime is done with what the task waited for in `from` (its containers started, or stopped): it moves on. */
  release(state: EcsState, rec: ClusterRecord, task: Task, from: string): void {
    if (task.lastStatus !== from) return;
    if (from === "PENDING" && task.desiredStatus === "RUNNING") this.enter(state, rec, task, "ACTIVATING", STARTING);
    if (from === "STOPPING") this.enter(state, rec, task, "DEPROVISIONING", STOPPING);
  }

  /** A stopped task gives its resources back, and is forgotten after the retention time. */
  private finish(state: EcsState, rec: ClusterRecord, task: Task): void {
    const instanceId = task.containerInstanceArn === undefined ? undefined : lastSegment(task.containerInstanceArn);
    const ci = instanceId ? rec.instances.get(instanceId) : undefined;
    if (ci) {
      const bindings = (task.containers ?? []).flatMap((c) => c.networkBindings ?? []);
      release(ci, Number(task.cpu ?? 0), Number(task.memory ?? 0), bindings, dynamicPortsOf(rec, ci));
    }
    this.deactivatingHolds.delete(task);
    this.backend.timeline.callAfter(this.backend.config.timings.stoppedTaskRetentionMs, FORGET, state, rec, task);
  }

  /** Stops every task on an instance that leaves the cluster. */
  stopTasksOnInstance(state: EcsState, rec: ClusterRecord, instanceArn: string, reason: string): void {
    for (const t of [...rec.index.liveOn(instanceArn)]) {
      if (t.desiredStatus !== "STOPPED") this.stop(state, rec, t, reason, "TerminationNotice");
    }
  }
}

/** Stops the tasks of an instance that is deregistered or lost. */
export function stopTasksOnInstance(ctx: EcsContext, rec: ClusterRecord, instanceArn: string, reason: string): void {
  ctx.backend.lifecycle.stopTasksOnInstance(ctx.state, rec, instanceArn, reason);
}

const STEP = defineTimer("ecs.taskStep", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, from: string, path: "starting" | "stopping") =>
  backend.lifecycle.step(state, rec, task, from, path),
);

const BEGIN_STOP = defineTimer("ecs.taskStop", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task) => backend.lifecycle.beginStop(state, rec, task));

/** A stopped task is forgotten after the retention time (unless its id was reused meanwhile). */
const FORGET = defineTimer("ecs.forgetTask", (state: EcsState, rec: ClusterRecord, task: Task) => {
  const id = lastSegment(task.taskArn!);
  if (rec.tasks.get(id) !== task) return;
  rec.tasks.delete(id);
  rec.index.remove(task);
  state.tags.delete(task.taskArn!);
  state.taskProtection.delete(task.taskArn!);
});
