import type { Handler } from "../context.js";
import { InvalidParameterException, ResourceInUseException } from "../generated/errors.js";
import type { ClusterRecord } from "../store.js";
import { activeCluster, describeCluster } from "../domain/clusters.js";
import { capacityProviderExists, capacityProviderName, checkStrategy, normalizeStrategy } from "../domain/capacityProviders.js";

/** Whether a task meant to run, or a live service's strategy, still uses `name` on this cluster. */
function inUse(rec: ClusterRecord, name: string): boolean {
  for (const t of rec.tasks.values()) if (t.capacityProviderName === name && t.lastStatus !== "STOPPED") return true;
  for (const { service } of rec.services.values()) {
    if (service.status === "INACTIVE") continue;
    if ((service.capacityProviderStrategy ?? []).some((i) => i.capacityProvider === name)) return true;
  }
  return false;
}

export const putClusterCapacityProviders: Handler<"PutClusterCapacityProviders"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  const names = [...new Set(input.capacityProviders.map(capacityProviderName))];
  for (const name of names) {
    if (!capacityProviderExists(state, name)) throw new InvalidParameterException("The specified capacity provider was not found. Specify a valid capacity provider and try again.");
  }
  checkStrategy(input.defaultCapacityProviderStrategy, names);
  for (const removed of (rec.cluster.capacityProviders ?? []).filter((n) => !names.includes(n))) {
    if (inUse(rec, removed)) throw new ResourceInUseException("The specified capacity provider is in use and cannot be removed.");
  }
  rec.cluster.capacityProviders = names;
  rec.cluster.defaultCapacityProviderStrategy = normalizeStrategy(input.defaultCapacityProviderStrategy);
  return { cluster: describeCluster(state, rec) };
};
