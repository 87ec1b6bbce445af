import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { interfaceAllocator } from "../domain/network.js";
import { ACK, applyAttachmentChanges } from "../domain/agentReports.js";

export const submitAttachmentStateChanges: Handler<"SubmitAttachmentStateChanges"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  // Agents send these rarely; looking through the cluster's tasks is cheap enough for them.
  for (const task of applyAttachmentChanges(rec.tasks.values(), input.attachments, ctx.backend.ids, (t) => interfaceAllocator(ctx.backend.peers, ctx.state, t, ctx.now()))) ctx.backend.lifecycle.touch(ctx.state, rec, task);
  return ACK;
};
