// The instances a task may go to, with what placement needs to know of each.
import type { ClusterRecord } from "../store.js";
import type { Candidate } from "./placement.js";

/** The instances a task of `group` may be placed on: ACTIVE, connected, and of its provider (or of none). */
export function candidates(rec: ClusterRecord, group: string, provider: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const ci of rec.instances.values()) {
    if (ci.status !== "ACTIVE" || ci.agentConnected === false) continue;
    // An instance known to belong to one provider's Auto Scaling group serves only that provider.
    if (provider && ci.capacityProviderName && ci.capacityProviderName !== provider) continue;
    const arn = ci.containerInstanceArn!;
    out.push({ instance: ci, groupTasks: rec.index.groupCount(group, arn), dynamicPorts: rec.dynamicPorts.get(arn.slice(arn.lastIndexOf("/") + 1)) });
  }
  return out;
}
