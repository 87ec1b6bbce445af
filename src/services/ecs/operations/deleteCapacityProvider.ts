import type { Handler } from "../context.js";
import type { CapacityProvider } from "../../../services/ecs/generated/types.js";
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import { defineTimer } from "../../../engine/timers.js";
import { ClientException } from "../generated/errors.js";
import { checkProviderCluster, deleteManagedInstancesProvider } from "../managedInstances/providers.js";
import { capacityProviderName, clustersUsing, describeCapacityProvider, isFargateProvider, usableCapacityProvider } from "../domain/capacityProviders.js";

export const deleteCapacityProvider: Handler<"DeleteCapacityProvider"> = (input, ctx) => {
  const { state } = ctx;
  const name = capacityProviderName(input.capacityProvider);
  if (isFargateProvider(name)) throw new ClientException("The FARGATE and FARGATE_SPOT capacity providers are reserved and cannot be deleted.");
  const cp = usableCapacityProvider(state, name);
  if (!cp) throw new ClientException("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
  checkProviderCluster(ctx, cp, input.cluster);

  // ECS answers a provider still associated with a cluster with a failed delete, not an error.
  const clusters = clustersUsing(state, name);
  if (clusters.length) {
    cp.updateStatus = "DELETE_FAILED";
    cp.updateStatusReason = `The capacity provider cannot be deleted because it is associated with cluster: ${clusters[0]}. Remove the capacity provider from the cluster and try again.`;
    return { capacityProvider: describeCapacityProvider(state, cp, false) };
  }
  if (cp.type === "MANAGED_INSTANCES") {
    deleteManagedInstancesProvider(ctx, cp);
    return { capacityProvider: describeCapacityProvider(state, cp, false) };
  }
  cp.updateStatus = "DELETE_IN_PROGRESS";
  delete cp.updateStatusReason;
  ctx.backend.timeline.callAfter(0, DELETED, ctx.backend, state, cp, name);
  return { capacityProvider: describeCapacityProvider(state, cp, false) };
};

const DELETED = defineTimer("ecs.capacityProviderDeleted", (backend: EcsBackend, state: EcsState, cp: CapacityProvider, name: string) => {
  if (cp.updateStatus !== "DELETE_IN_PROGRESS") return;
  cp.status = "INACTIVE";
  cp.updateStatus = "DELETE_COMPLETE";
  // Disassociated, it holds nothing on its group any more: what managed scaling kept goes with it.
  const m = state.managed.get(name);
  if (m) backend.timeline.cancel(m.timer);
  state.managed.delete(name);
});
