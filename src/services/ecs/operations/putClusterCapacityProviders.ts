import type { EcsContext, Handler } from "../context.js";
import { InvalidParameterException, ResourceInUseException } from "../generated/errors.js";
import type { ClusterRecord } from "../store.js";
import { activeCluster, describeCluster } from "../domain/clusters.js";
import { capacityProviderExists, capacityProviderName, checkStrategy, clustersUsing, managedScalingOn, normalizeStrategy } from "../domain/capacityProviders.js";
import type { PutClusterCapacityProvidersRequest, PutClusterCapacityProvidersResponse } from "../generated/types.js";
import { loadAutoScaling } from "../capacity/autoScaling.js";
import { planAttachments } from "../capacity/attachments.js";
import { capacityMessages } from "../capacity/messages.js";
import { miMessages } from "../managedInstances/messages.js";

/** Whether a task meant to run, or a live service's strategy, still uses `name` on this cluster. */
function inUse(rec: ClusterRecord, name: string): boolean {
  for (const t of rec.tasks.values()) if (t.capacityProviderName === name && t.lastStatus !== "STOPPED") return true;
  for (const { service } of rec.services.values()) {
    if (service.status === "INACTIVE") continue;
    if ((service.capacityProviderStrategy ?? []).some((i) => i.capacityProvider === name)) return true;
  }
  return false;
}

/** A provider with managed scaling serves one cluster at a time (the Developer Guide's cluster auto scaling considerations). */
function checkManagedElsewhere(ctx: EcsContext, rec: ClusterRecord, names: string[]): void {
  for (const name of names) {
    if (!managedScalingOn(ctx.state, name)) continue;
    const other = clustersUsing(ctx.state, name).find((c) => c !== rec.cluster.clusterName);
    if (other) throw new InvalidParameterException(capacityMessages.managedScalingElsewhere(name, other));
  }
}

function put(input: PutClusterCapacityProvidersRequest, ctx: EcsContext): PutClusterCapacityProvidersResponse {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const names = [...new Set(input.capacityProviders.map(capacityProviderName))];
  for (const name of names) {
    if (!capacityProviderExists(state, name)) throw new InvalidParameterException("The specified capacity provider was not found. Specify a valid capacity provider and try again.");
  }
  checkManagedElsewhere(ctx, rec, names);
  for (const name of names) {
    const own = state.capacityProviders.get(name)?.cluster;
    if (own !== undefined && own !== rec.cluster.clusterName) throw new InvalidParameterException(miMessages.otherCluster(name, own));
  }
  checkStrategy(input.defaultCapacityProviderStrategy, names);
  for (const removed of (rec.cluster.capacityProviders ?? []).filter((n) => !names.includes(n))) {
    if (inUse(rec, removed)) throw new ResourceInUseException("The specified capacity provider is in use and cannot be removed.");
  }
  rec.cluster.capacityProviders = names;
  rec.cluster.defaultCapacityProviderStrategy = normalizeStrategy(input.defaultCapacityProviderStrategy);
  planAttachments(ctx, rec);
  return { cluster: describeCluster(state, rec) };
}

/** Auto Scaling's operations are loaded first: the providers' policies and hooks are put through them. */
export const putClusterCapacityProviders: Handler<"PutClusterCapacityProviders"> = (input, ctx) => {
  const loading = loadAutoScaling(ctx.backend);
  return loading ? loading.then(() => put(input, ctx)) : put(input, ctx);
};
