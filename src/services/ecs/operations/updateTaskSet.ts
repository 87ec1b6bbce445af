import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { activeService } from "../domain/services.js";
import { checkExternal, checkScale, describeTaskSet, liveTaskSet, rescale } from "../domain/taskSets.js";
import { serviceChanged } from "../scheduler/reconciler.js";

export const updateTaskSet: Handler<"UpdateTaskSet"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  checkExternal(sr.service);
  const ts = liveTaskSet(state, sr, input.taskSet);
  checkScale(input.scale.value ?? 0);
  const now = ctx.now();
  ts.scale = { value: input.scale.value ?? 0, unit: input.scale.unit ?? "PERCENT" };
  ts.updatedAt = now;
  rescale(sr.service, ts, now);
  serviceChanged(ctx, rec, sr);
  return { taskSet: describeTaskSet(state, ts) };
};
