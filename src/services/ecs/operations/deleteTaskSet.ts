import type { Handler } from "../context.js";
import { InvalidParameterException, TaskSetNotFoundException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { activeService } from "../domain/services.js";
import { applyPrimary, checkExternal, describeTaskSet, findTaskSet, messages } from "../domain/taskSets.js";
import { serviceChanged } from "../scheduler/reconciler.js";

export const deleteTaskSet: Handler<"DeleteTaskSet"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  const s = sr.service;
  checkExternal(s);
  const ts = findTaskSet(state, sr, input.taskSet);
  if (!ts) throw new TaskSetNotFoundException(messages.notFound);
  // Deleting a task set that is already draining answers it as it is.
  if (ts.status === "DRAINING") return { taskSet: describeTaskSet(state, ts) };
  if ((ts.scale?.value ?? 0) > 0 && !input.force) {
    throw new InvalidParameterException("The task set cannot be deleted while it is scaled above 0. Scale it to 0 or use force.");
  }
  const now = ctx.now();
  const wasPrimary = ts.status === "PRIMARY";
  ts.status = "DRAINING";
  ts.computedDesiredCount = 0;
  ts.updatedAt = now;
  ts.stabilityStatus = "STABILIZING";
  ts.stabilityStatusAt = now;
  if (wasPrimary) applyPrimary(s, undefined);
  sr.steady = false;
  serviceChanged(ctx, rec, sr);
  return { taskSet: describeTaskSet(state, ts) };
};
