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
  // The map's key is the instance's id (the tail of its ARN): no need to cut it again.
  for (const [id, ci] of rec.instances) {
    if (ci.status !== "ACTIVE" || ci.agentConnected === false) continue;
    // An instance known to belong to one provider's Auto Scaling group serves only that provider.
    if (provider && ci.capacityProviderName && ci.capacityProviderName !== provider) continue;
    if (strict ? ci.capacityProviderName !== provider : managed(state, ci.capacityProviderName)) continue;
    const arn = ci.containerInstanceArn!;
    if (rec.unready?.has(id)) continue;
    out.push({ instance: ci, groupTasks: counts?.get(arn) ?? 0, dynamicPorts: rec.dynamicPorts.get(id) });
  }
  return out;
}
