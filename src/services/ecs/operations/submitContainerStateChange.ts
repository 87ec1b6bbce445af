import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { ACK, applyContainerChange, isEssential, reportedContainer, reportedTask, stopForExit } from "../domain/agentReports.js";

// The agent reports one container: an essential container that stops takes its task with it;
// the last container to start makes the task RUNNING.
export const submitContainerStateChange: Handler<"SubmitContainerStateChange"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const task = reportedTask(rec, input.task);
  const container = reportedContainer(task, input.containerName);
  applyContainerChange(container, input);
  const lifecycle = ctx.backend.lifecycle;
  lifecycle.touch(ctx.state, rec, task);
  if (input.status === "STOPPED" && isEssential(ctx, task, container.name!)) stopForExit(ctx, rec, task);
  else if (input.status === "RUNNING" && task.containers!.every((c) => c.lastStatus === "RUNNING")) lifecycle.runNow(ctx.state, rec, task);
  return ACK;
};
