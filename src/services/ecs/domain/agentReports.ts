// What the container agent reports about tasks, containers and attachments, applied to the simulated task.
// Every change goes through the lifecycle, so the task's version moves on and its service hears of it.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Attachment, AttachmentStateChange, Container, ContainerStateChange, Task } from "../generated/types.js";
import type { ClusterRecord } from "../store.js";
import { parseTaskDefinitionRef, findRevision } from "./taskDefinitions.js";
import type { IdSource } from "../../../state/ids.js";
import { attachEni, findTask } from "./tasks.js";
import type { InterfaceAllocator } from "./network.js";

export const ACK = { acknowledgment: "ACK" } as const;
export const ESSENTIAL_EXITED = "Essential container in task exited";

/** The task an agent report names; a report for a task ECS does not know is refused. */
export function reportedTask(rec: ClusterRecord, ref: string | undefined): Task {
  const task = ref ? findTask(rec, ref) : undefined;
  if (!task) throw new InvalidParameterException("The referenced task was not found.");
  return task;
}

/** The container a report names, looked up before anything changes so that a bad report changes nothing. */
export function reportedContainer(task: Task, name: string | undefined): Container {
  const c = task.containers?.find((x) => x.name === name);
  if (!c) throw new InvalidParameterException(`Container ${name ?? ""} not found in task ${task.taskArn}.`);
  return c;
}

/** Copies what the agent says about one container onto the task's copy of it. */
export function applyContainerChange(c: Container, change: ContainerStateChange): void {
  if (change.status !== undefined) c.lastStatus = change.status;
  if (change.exitCode !== undefined) c.exitCode = change.exitCode;
  if (change.reason !== undefined) c.reason = change.reason;
  if (change.runtimeId !== undefined) c.runtimeId = change.runtimeId;
  if (change.imageDigest !== undefined) c.imageDigest = change.imageDigest;
  if (change.networkBindings !== undefined) c.networkBindings = change.networkBindings;
}

/** Whether the task definition marks the container essential (containers are, unless told otherwise). */
export function isEssential(ctx: EcsContext, task: Task, containerName: string): boolean {
  const ref = parseTaskDefinitionRef(ctx.state, task.taskDefinitionArn!);
  const td = ref?.revision ? findRevision(ctx.state, ref.family, ref.revision) : undefined;
  return td?.containerDefinitions?.find((c) => c.name === containerName)?.essential !== false;
}

/** Sets the status of the task attachments the changes name (by attachment ARN or id); answers the tasks changed. */
export function applyAttachmentChanges(tasks: Iterable<Task>, changes: AttachmentStateChange[], ids: IdSource, allocatorFor?: (task: Task) => InterfaceAllocator): Set<Task> {
  const wanted = new Map(changes.map((a) => [a.attachmentArn.split("/").pop()!, a.status]));
  const found: { task: Task; attachment: Attachment; status: string }[] = [];
  for (const task of tasks) {
    for (const attachment of task.attachments ?? []) {
      const status = attachment.id ? wanted.get(attachment.id) : undefined;
      if (status !== undefined) found.push({ task, attachment, status });
    }
  }
  const seen = new Set(found.map((f) => f.attachment.id));
  const missing = changes.find((a) => !seen.has(a.attachmentArn.split("/").pop()));
  if (missing) throw new InvalidParameterException(`Attachment not found: ${missing.attachmentArn}`);
  for (const f of found) {
    // An interface the agent reports attached gets its id and addresses, as the lifecycle gives them.
    if (f.status === "ATTACHED") attachEni(f.task, ids, allocatorFor?.(f.task));
    f.attachment.status = f.status;
  }
  return new Set(found.map((f) => f.task));
}

/** Stops the task because an essential container exited, as ECS does when the agent says so. */
export function stopForExit(ctx: EcsContext, rec: ClusterRecord, task: Task, reason = ESSENTIAL_EXITED): void {
  ctx.backend.lifecycle.stop(ctx.state, rec, task, reason, "EssentialContainerExited");
}
