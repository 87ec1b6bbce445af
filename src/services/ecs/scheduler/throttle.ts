// ECS's service throttle logic: when a service's tasks keep going from PENDING to STOPPED without
// ever RUNNING, the scheduler waits longer and longer (up to 27 minutes) before launching again,
// and says so once in the service's events. A task that reaches RUNNING, or a deployment of another
// task definition, returns the service to normal at once. No user-tunable parameters, as in ECS.
import type { Task } from "../generated/types.js";

/** The wait after the second consecutive failure; it doubles with each further one. */
export const THROTTLE_BASE_MS = 10_000;
/** The longest wait between launch attempts the developer guide names. */
export const THROTTLE_MAX_MS = 27 * 60_000;

export interface LaunchThrottle {
  /** The task definition the failures were counted for: another one starts afresh. */
  taskDefinition: string;
  /** Consecutive tasks that stopped before RUNNING. */
  failures: number;
  /** No launch before this time (ms on the timeline). */
  until: number;
  /** Whether this run of failures has written its service event. */
  announced: boolean;
  /** The time a wake-up is already scheduled for, so one is not scheduled per pass. */
  wakeAt?: number;
}

/**
 * Whether a stopped task failed to start in the throttle's sense: it never reached RUNNING and
 * neither the scheduler (scale-in, deployment) nor a user stopped it.
 */
export function failedToStart(task: Task): boolean {
  if (task.startedAt !== undefined) return false;
  return task.stopCode !== "ServiceSchedulerInitiated" && task.stopCode !== "UserInitiated";
}

/** The wait before the next launch after `failures` consecutive failures: none after a single one. */
export function throttleDelay(failures: number): number {
  if (failures < 2) return 0;
  return Math.min(THROTTLE_MAX_MS, THROTTLE_BASE_MS * 2 ** Math.min(failures - 2, 20));
}

/** Counts one more failure of `taskDefinition`'s tasks at `nowMs`. */
export function recordFailure(prev: LaunchThrottle | undefined, taskDefinition: string, nowMs: number): LaunchThrottle {
  const same = prev && prev.taskDefinition === taskDefinition ? prev : undefined;
  const failures = (same?.failures ?? 0) + 1;
  return { taskDefinition, failures, until: nowMs + throttleDelay(failures), announced: same?.announced ?? false, wakeAt: same?.wakeAt };
}

/** How long launches of `taskDefinition` must still wait at `nowMs` (0: launch now). */
export function holdFor(t: LaunchThrottle | undefined, taskDefinition: string, nowMs: number): number {
  if (!t || t.taskDefinition !== taskDefinition) return 0;
  return Math.max(0, t.until - nowMs);
}
