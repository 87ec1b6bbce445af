import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { interfaceAllocator } from "../domain/network.js";
import { ACK, applyAttachmentChanges, applyContainerChange, ESSENTIAL_EXITED, reportedContainer, reportedTask, stopForExit } from "../domain/agentReports.js";

// The agent reports a task's state: RUNNING moves a starting task on at once, STOPPED stops it.
export const submitTaskStateChange: Handler<"SubmitTaskStateChange"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const task = reportedTask(rec, input.task);
  const containers = (input.containers ?? []).map((change) => ({ container: reportedContainer(task, change.containerName), change }));
  if (input.attachments?.length) applyAttachmentChanges([task], input.attachments, ctx.backend.ids, (t) => interfaceAllocator(ctx.backend.peers, ctx.state, t, ctx.now()));
  for (const { container, change } of containers) applyContainerChange(container, change);
  const lifecycle = ctx.backend.lifecycle;
  if (input.status === "RUNNING") lifecycle.runNow(ctx.state, rec, task);
  if (input.pullStartedAt !== undefined) task.pullStartedAt = input.pullStartedAt;
  if (input.pullStoppedAt !== undefined) task.pullStoppedAt = input.pullStoppedAt;
  if (input.executionStoppedAt !== undefined) task.executionStoppedAt = input.executionStoppedAt;
  lifecycle.touch(ctx.state, rec, task);
  if (input.status === "STOPPED") stopForExit(ctx, rec, task, input.reason || ESSENTIAL_EXITED);
  return ACK;
};
