import type { Handler } from "../context.js";
import type { Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { checkTaskList, isProtected, protectionOf, resolveProtectable } from "../domain/taskProtection.js";

export const getTaskProtection: Handler<"GetTaskProtection"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  checkTaskList(input.tasks, 100);
  const now = ctx.now();
  if (input.tasks) {
    const { tasks, failures } = resolveProtectable(ctx, rec, input.tasks);
    return { protectedTasks: tasks.map((t) => protectionOf(ctx.state, t, now)), failures };
  }
  // Without a list, the cluster's tasks that are protected now.
  const tasks: Task[] = [];
  for (const sr of rec.services.values()) {
    for (const t of sr.tasks.values()) if (isProtected(ctx.state, t.taskArn!, now)) tasks.push(t);
  }
  return { protectedTasks: tasks.map((t) => protectionOf(ctx.state, t, now)), failures: [] };
};
