// What the daemons of a provider take on each of its instances: ECS starts one task of each before
// any application task, so a new instance holds that much less for the tasks it is launched for.
import type { Capacity } from "../capacity/reservation.js";
import type { EcsState } from "../store.js";
import { daemonTdNeeds, findDaemonTd } from "./taskDefinitions.js";

/** The daemon task definitions (ARNs) an instance of `provider` in `cluster` runs: each live daemon's goal revision. */
export function daemonsFor(state: EcsState, cluster: string, provider: string): { daemonArn: string; revisionArn: string; tdArn: string }[] {
  const out: { daemonArn: string; revisionArn: string; tdArn: string }[] = [];
  for (const d of state.daemons.values()) {
    if (d.clusterName !== cluster || d.status !== "ACTIVE") continue;
    const rev = state.daemonRevisions.get(d.revisionArn);
    if (!rev || !rev.capacityProviders.includes(provider)) continue;
    out.push({ daemonArn: d.daemonArn, revisionArn: d.revisionArn, tdArn: rev.revision.daemonTaskDefinitionArn! });
  }
  return out;
}

export function daemonReserve(state: EcsState, cluster: string, provider: string): Capacity {
  const total = { cpu: 0, memory: 0 };
  for (const d of daemonsFor(state, cluster, provider)) {
    const td = findDaemonTd(state, d.tdArn);
    if (!td) continue;
    const n = daemonTdNeeds(td);
    total.cpu += n.cpu;
    total.memory += n.memory;
  }
  return total;
}
