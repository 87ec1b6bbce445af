import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { checkTaskList, DEFAULT_PROTECTION_MINUTES, MAX_PROTECTION_MINUTES, protectionOf, resolveProtectable, setProtection } from "../domain/taskProtection.js";

export const updateTaskProtection: Handler<"UpdateTaskProtection"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  checkTaskList(input.tasks, 10);
  const minutes = input.expiresInMinutes ?? DEFAULT_PROTECTION_MINUTES;
  if (input.protectionEnabled && (minutes < 1 || minutes > MAX_PROTECTION_MINUTES)) {
    throw new InvalidParameterException(`expiresInMinutes must be between 1 and ${MAX_PROTECTION_MINUTES}.`);
  }
  const { tasks, failures } = resolveProtectable(ctx, rec, input.tasks);
  for (const t of tasks) setProtection(ctx, rec, t, input.protectionEnabled, minutes);
  const now = ctx.now();
  return { protectedTasks: tasks.map((t) => protectionOf(ctx.state, t, now)), failures };
};
