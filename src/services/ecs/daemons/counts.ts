// Where a daemon's revisions run: its tasks on managed instances, counted by revision and provider,
// and which instances of its providers run which revision (what a deployment moves).
import type { ContainerInstance, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import type { ManagedInstance } from "../managedInstances/types.js";
import { revisionId } from "./arns.js";
import type { DaemonRecord } from "./types.js";

const daemonTasksOf = (rec: ClusterRecord, d: DaemonRecord, ci: ContainerInstance): Task[] =>
  [...rec.index.liveOn(ci.containerInstanceArn!)].filter((t) => t.group === `daemon:${d.name}` && t.desiredStatus !== "STOPPED");

/** The revision ARN a daemon task runs (its startedBy carries the revision's id). */
export function revisionOfTask(state: EcsState, d: DaemonRecord, t: Task): string | undefined {
  return [...revisionArnsOf(state, d)].find((arn) => revisionId(arn) === t.startedBy);
}

function revisionArnsOf(state: EcsState, d: DaemonRecord): Set<string> {
  const out = new Set<string>([d.revisionArn]);
  for (const dep of d.deployments) {
    const rec = state.daemonDeployments.get(dep);
    if (rec?.goal) out.add(rec.goal);
    for (const s of rec?.sources ?? []) out.add(s);
  }
  return out;
}

export interface InstanceView {
  mi: ManagedInstance;
  ci: ContainerInstance;
  /** The revision of the daemon's task on it, undefined when it has none. */
  revision?: string;
  running: boolean;
}

/** The joined, not terminated instances of the daemon's providers in its cluster, with the daemon's task on each. */
export function daemonInstances(state: EcsState, d: DaemonRecord, providers: string[]): InstanceView[] {
  const rec = state.clusters.get(d.clusterName);
  if (!rec) return [];
  const out: InstanceView[] = [];
  for (const mi of state.managedInstances.values()) {
    if (mi.terminated || mi.cluster !== d.clusterName || !providers.includes(mi.provider) || mi.containerInstanceId === undefined) continue;
    const ci = rec.instances.get(mi.containerInstanceId);
    if (!ci || ci.status === "INACTIVE") continue;
    const [task] = daemonTasksOf(rec, d, ci);
    out.push({ mi, ci, revision: task && revisionOfTask(state, d, task), running: task?.lastStatus === "RUNNING" });
  }
  return out;
}

/** Daemon tasks RUNNING by revision ARN, then by provider name. */
export function runningByRevision(state: EcsState, d: DaemonRecord): Map<string, Map<string, number>> {
  const providers = [...state.capacityProviders.values()].filter((cp) => cp.cluster === d.clusterName).map((cp) => cp.name!);
  const out = new Map<string, Map<string, number>>();
  for (const v of daemonInstances(state, d, providers)) {
    if (!v.running || !v.revision) continue;
    const m = out.get(v.revision) ?? new Map<string, number>();
    m.set(v.mi.provider, (m.get(v.mi.provider) ?? 0) + 1);
    out.set(v.revision, m);
  }
  return out;
}
