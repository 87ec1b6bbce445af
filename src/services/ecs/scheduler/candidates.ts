// The instances a task may go to, with what placement needs to know of each.
import type { ClusterRecord, EcsState } from "../store.js";
import type { Candidate } from "./placement.js";

const managed = (state: EcsState, name: string | undefined): boolean => name !== undefined && state.capacityProviders.get(name)?.type === "MANAGED_INSTANCES";

/**
 * The instances a task of `group` may be placed on: ACTIVE, connected, and of its provider (or of
 * none). A managed instance serves only its Managed Instances provider, and only once its daemons run.
 */
export function candidates(state: EcsState, rec: ClusterRecord, group: string, provider: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  const strict = managed(state, provider);
  const counts = rec.index.groupCounts(group);
  // Lookups in maps that are empty (most clusters have no unready instance and no dynamic port) are skipped.
  const unready = rec.unready?.size ? rec.unready : undefined;
  const dynamic = rec.dynamicPorts.size ? rec.dynamicPorts : undefined;
  // forEach rather than for…of over entries: no [key, value] pair made per instance per call.
  // The map's key is the instance's id (the tail of its ARN): no need to cut it again.
  rec.instances.forEach((ci, id) => {
    if (ci.status !== "ACTIVE" || ci.agentConnected === false) return;
    // An instance known to belong to one provider's Auto Scaling group serves only that provider.
    if (provider && ci.capacityProviderName && ci.capacityProviderName !== provider) return;
    if (strict ? ci.capacityProviderName !== provider : managed(state, ci.capacityProviderName)) return;
    if (unready?.has(id)) return;
    out.push({ instance: ci, groupTasks: counts?.get(ci.containerInstanceArn!) ?? 0, dynamicPorts: dynamic?.get(id) });
  });
  return out;
}
