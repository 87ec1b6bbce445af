// A task's IAM roles as ECS hands them to its containers: when the task reaches its host (PENDING),
// ECS assumes its task role and its execution role as the service `ecs-tasks.amazonaws.com`, with
// the task id as the session name, and refreshes the credentials before they expire for as long as
// the task runs. Issued inside the lifecycle's own steps (an operation or a timer), from STS's seeded
// ids, so that a journal replay issues the same credentials at the same moments.
import { defineTimer } from "../../../engine/timers.js";
import type { TaskRun } from "../../../runtime/runtime.js";
import type { EcsBackend } from "../context.js";
import type { Task } from "../generated/types.js";
import type { EcsState, RoleCredentials, TaskCredentials } from "../store.js";

export const TASKS_SERVICE = "ecs-tasks.amazonaws.com";
/** "The default expiration time for the generated IAM role credentials is 6 hours" (the Developer Guide's task role page). */
export const CREDENTIALS_SECONDS = 6 * 3600;
/** New credentials an hour before the current ones expire (chosen: ECS does not publish when it refreshes). */
export const REFRESH_BEFORE_MS = 3600 * 1000;

export type RoleKind = "task" | "execution";

/** The roles a task runs with: its overrides', else its task definition's. */
export function taskRoles(run: Pick<TaskRun, "task" | "td">): Partial<Record<RoleKind, string>> {
  const o = run.task.overrides;
  const task = o?.taskRoleArn ?? run.td.taskRoleArn;
  const execution = o?.executionRoleArn ?? run.td.executionRoleArn;
  return { ...(task ? { task } : {}), ...(execution ? { execution } : {}) };
}

export function unableToAssume(roleArn: string): string {
  return `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`;
}

function assume(backend: EcsBackend, task: Task, roleArn: string): string | undefined {
  const session = backend.peers.sts.serviceSession({ service: TASKS_SERVICE, roleArn, sessionName: task.taskArn!.split("/").pop()!, durationSeconds: CREDENTIALS_SECONDS });
  return session?.accessKeyId;
}

/**
 * Assumes the task's roles when it reaches its host; answers the reason the task cannot start when
 * one cannot be assumed (nothing is kept then). A task without roles gets no credentials, as on ECS.
 */
export function startTaskCredentials(backend: EcsBackend, state: EcsState, run: TaskRun): string | undefined {
  const roles = taskRoles(run);
  const arn = run.task.taskArn!;
  const held = state.taskCredentials.get(arn);
  const entry: TaskCredentials = { token: held?.token ?? backend.ids.hexId() + backend.ids.hexId() };
  for (const kind of ["task", "execution"] as const) {
    const roleArn = roles[kind];
    if (!roleArn) continue;
    const accessKeyId = assume(backend, run.task, roleArn);
    if (!accessKeyId) return unableToAssume(roleArn);
    entry[kind] = { id: held?.[kind]?.id ?? backend.ids.uuid(), roleArn, accessKeyId };
  }
  if (!entry.task && !entry.execution) return undefined;
  state.taskCredentials.set(arn, entry);
  scheduleRefresh(backend, state, run.task, entry);
  return undefined;
}

/** Before the credentials expire, new ones replace them (the old ones stay valid until then, as STS's do). */
function scheduleRefresh(backend: EcsBackend, state: EcsState, task: Task, entry: TaskCredentials): void {
  const { timeline } = backend;
  timeline.call(timeline.now() + CREDENTIALS_SECONDS * 1000 - REFRESH_BEFORE_MS, REFRESH, backend, state, task, entry);
}

const REFRESH = defineTimer("ecs.refreshTaskCredentials", (backend: EcsBackend, state: EcsState, task: Task, entry: TaskCredentials) => {
  if (state.taskCredentials.get(task.taskArn!) !== entry || task.lastStatus === "STOPPED") return;
  for (const kind of ["task", "execution"] as const) {
    const held: RoleCredentials | undefined = entry[kind];
    // A role deleted (or no longer trusting ECS) meanwhile: the task keeps what it has until it expires.
    const accessKeyId = held && assume(backend, task, held.roleArn);
    if (held && accessKeyId) held.accessKeyId = accessKeyId;
  }
  scheduleRefresh(backend, state, task, entry);
});

/** A stopped task's credentials are no longer served (those handed out stay valid until they expire). */
export function endTaskCredentials(state: EcsState, task: Task): void {
  state.taskCredentials.delete(task.taskArn!);
}
