import type { Handler } from "../context.js";
import { defineTimer } from "../../../engine/timers.js";
import { ClusterContainsCapacityProviderException, ClusterContainsContainerInstancesException, ClusterContainsServicesException, ClusterContainsTasksException } from "../generated/errors.js";
import { activeCluster, describeCluster } from "../domain/clusters.js";
import { planAttachments } from "../capacity/attachments.js";
import type { ClusterRecord, EcsState } from "../store.js";

export const deleteCluster: Handler<"DeleteCluster"> = (input, ctx) => {
  const { state, backend } = ctx;
  const rec = activeCluster(state, input.cluster);
  for (const ci of rec.instances.values()) {
    if (ci.status !== "INACTIVE") throw new ClusterContainsContainerInstancesException("The Cluster cannot be deleted while Container Instances are active or draining.");
  }
  for (const { service } of rec.services.values()) {
    if (service.status !== "INACTIVE") throw new ClusterContainsServicesException("The Cluster cannot be deleted while Services are active.");
  }
  for (const t of rec.tasks.values()) {
    if (t.lastStatus !== "STOPPED") throw new ClusterContainsTasksException("The Cluster cannot be deleted while Tasks are active.");
  }
  // Its Managed Instances providers go first (the model's ClusterContainsCapacityProviderException).
  for (const cp of state.capacityProviders.values()) {
    if (cp.cluster === rec.cluster.clusterName && cp.status !== "INACTIVE") throw new ClusterContainsCapacityProviderException("The Cluster cannot be deleted while it contains capacity providers.");
  }
  rec.cluster.status = "INACTIVE";
  // Deleting the cluster disassociates its providers: ECS removes what it kept on their groups.
  planAttachments(ctx, rec);
  // ECS keeps a deleted cluster listed and describable as INACTIVE for a while, then forgets it
  // (unless a cluster of the same name was created meanwhile).
  backend.timeline.callAfter(backend.config.timings.inactiveClusterRetentionMs, FORGET_CLUSTER, state, rec);
  return { cluster: describeCluster(state, rec) };
};

const FORGET_CLUSTER = defineTimer("ecs.forgetCluster", (state: EcsState, rec: ClusterRecord) => {
  const name = rec.cluster.clusterName!;
  if (state.clusters.get(name) !== rec || rec.cluster.status !== "INACTIVE") return;
  state.clusters.delete(name);
  state.tags.delete(rec.cluster.clusterArn!);
});
