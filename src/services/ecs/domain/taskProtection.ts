// Task scale-in protection: which service tasks the scheduler must not stop, and until when.
// Only the expiry is stored; whether a task is protected is worked out against the clock when asked.
import type { EcsBackend } from "../../../services/ecs/context.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, ProtectedTask, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { ecsArn } from "./arn.js";
import { findTask } from "./tasks.js";

export const DEFAULT_PROTECTION_MINUTES = 120;
export const MAX_PROTECTION_MINUTES = 2880;

/** Whether the task is under protection at `now` (epoch seconds). */
export function isProtected(state: EcsState, taskArn: string, now: number): boolean {
  const until = state.taskProtection.get(taskArn);
  return until !== undefined && until > now;
}

/** The task's protection as the API shows it: an expired protection reads as none. */
export function protectionOf(state: EcsState, task: Task, now: number): ProtectedTask {
  const until = state.taskProtection.get(task.taskArn!);
  if (until === undefined || until <= now) return { taskArn: task.taskArn, protectionEnabled: false };
  return { taskArn: task.taskArn, protectionEnabled: true, expirationDate: until };
}

/** Protection is for tasks a service runs, and only while they are meant to keep running. */
function isProtectable(task: Task): boolean {
  return task.group?.startsWith("service:") === true && task.startedBy?.startsWith("ecs-svc/") === true && task.desiredStatus === "RUNNING";
}

export function checkTaskList(tasks: string[] | undefined, max: number): void {
  if (tasks && tasks.length === 0) throw new InvalidParameterException("Tasks cannot be empty.");
  if (tasks && tasks.length > max) throw new InvalidParameterException(`tasks can have at most ${max} items.`);
}

/** The tasks a request names, split into those protection applies to and failures for the rest. */
export function resolveProtectable(ctx: EcsContext, rec: ClusterRecord, refs: string[]): { tasks: Task[]; failures: Failure[] } {
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const task = findTask(rec, ref);
    const arn = task?.taskArn ?? (ref.startsWith("arn:") ? ref : ecsArn(ctx.state, `task/${rec.cluster.clusterName}/${ref}`));
    if (!task) failures.push({ arn, reason: "MISSING" });
    else if (!isProtectable(task)) failures.push({ arn, reason: "TASK_NOT_VALID" });
    else tasks.push(task);
  }
  return { tasks, failures };
}

/** The service a task belongs to, if it still exists. */
function serviceOf(rec: ClusterRecord, task: Task) {
  const sr = rec.services.get(task.group!.slice("service:".length));
  return sr && sr.launches.has(task.startedBy!) ? sr : undefined;
}

/**
 * Sets or clears a task's protection. Its service looks again when protection is cleared and when
 * it runs out, so a scale-in or deployment that waited on the task goes on by itself.
 */
export function setProtection(ctx: EcsContext, rec: ClusterRecord, task: Task, enabled: boolean, minutes: number): void {
  const arn = task.taskArn!;
  const wake = () => wakeService(ctx.backend, ctx.state, rec, task);
  if (!enabled) {
    ctx.state.taskProtection.delete(arn);
    wake();
    return;
  }
  const until = ctx.now() + minutes * 60;
  ctx.state.taskProtection.set(arn, until);
  ctx.backend.timeline.call(until * 1000, EXPIRED, ctx.backend, ctx.state, rec, task, until);
}

function wakeService(backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task): void {
  const sr = serviceOf(rec, task);
  // Through the backend, not an import: the reconciler depends on this module, not the other way.
  if (sr) backend.reconciler.serviceChanged(state, rec, sr);
}

const EXPIRED = defineTimer("ecs.taskProtectionExpired", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, until: number) => {
  if (state.taskProtection.get(task.taskArn!) !== until) return;
  state.taskProtection.delete(task.taskArn!);
  wakeService(backend, state, rec, task);
});
