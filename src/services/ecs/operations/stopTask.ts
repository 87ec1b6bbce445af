import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { describeTask, findTask } from "../domain/tasks.js";

export const stopTask: Handler<"StopTask"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const task = findTask(rec, input.task);
  if (!task) throw new InvalidParameterException("The referenced task was not found.");
  ctx.backend.lifecycle.stop(ctx.state, rec, task, input.reason ?? "Task stopped by user", "UserInitiated");
  return { task: describeTask(ctx.state, task, false) };
};
