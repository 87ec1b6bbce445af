import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { activeService } from "../domain/services.js";
import { applyPrimary, checkExternal, describeTaskSet, liveTaskSet } from "../domain/taskSets.js";
import { serviceChanged } from "../scheduler/reconciler.js";

export const updateServicePrimaryTaskSet: Handler<"UpdateServicePrimaryTaskSet"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  const s = sr.service;
  checkExternal(s);
  const ts = liveTaskSet(state, sr, input.primaryTaskSet);
  if (ts.status !== "PRIMARY") {
    const now = ctx.now();
    for (const other of s.taskSets ?? []) {
      if (other.status !== "PRIMARY") continue;
      other.status = "ACTIVE";
      other.updatedAt = now;
    }
    ts.status = "PRIMARY";
    ts.updatedAt = now;
    // The service shows what its primary task set runs.
    applyPrimary(s, ts);
    serviceChanged(ctx, rec, sr);
  }
  return { taskSet: describeTaskSet(state, ts) };
};
