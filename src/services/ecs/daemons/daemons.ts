// Daemons: found by ARN, their capacity providers checked (Managed Instances providers of the
// daemon's cluster only), and described with the revisions their instances run now.
import { DaemonNotFoundException, InvalidParameterException } from "../generated/errors.js";
import type { DaemonDetail, DaemonRevisionDetail } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { capacityProviderArn, capacityProviderName, isFargateProvider } from "../domain/capacityProviders.js";
import { ownArn } from "./arns.js";
import { runningByRevision } from "./counts.js";
import type { DaemonRecord } from "./types.js";

export const DAEMON_NOT_FOUND = "The specified daemon was not found. Specify a valid daemon ARN and try again.";
/** The model's note on every daemon operation. */
export const ONLY_MANAGED_INSTANCES = "ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.";

/** The daemon an ARN names, deleted ones excepted; DaemonNotFoundException otherwise. */
export function findDaemon(state: EcsState, arn: string): DaemonRecord {
  const d = ownArn(state, arn, "daemon") ? state.daemons.get(arn) : undefined;
  if (!d || d.deleted) throw new DaemonNotFoundException(DAEMON_NOT_FOUND);
  return d;
}

/** The providers (by name) a request names: Managed Instances providers of the cluster, at least one. */
export function checkDaemonProviders(state: EcsState, rec: ClusterRecord, refs: string[]): string[] {
  if (refs.length === 0) throw new InvalidParameterException("capacityProviderArns can not be empty.");
  const names: string[] = [];
  for (const ref of refs) {
    const name = capacityProviderName(ref);
    if (isFargateProvider(name)) throw new InvalidParameterException(ONLY_MANAGED_INSTANCES);
    const cp = state.capacityProviders.get(name);
    if (!cp || cp.status !== "ACTIVE") throw new InvalidParameterException(`The specified capacity provider ${ref} was not found. Specify a valid capacity provider and try again.`);
    if (cp.type !== "MANAGED_INSTANCES") throw new InvalidParameterException(ONLY_MANAGED_INSTANCES);
    if (cp.cluster !== rec.cluster.clusterName) throw new InvalidParameterException(`The capacity provider ${name} belongs to cluster ${cp.cluster}. A daemon can only use the Managed Instances capacity providers of its cluster.`);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The revisions the daemon's instances run now, its own first (even before any instance runs it). */
export function currentRevisions(state: EcsState, d: DaemonRecord): DaemonRevisionDetail[] {
  const running = runningByRevision(state, d);
  const arns = [d.revisionArn, ...[...running.keys()].filter((a) => a !== d.revisionArn)];
  return arns.map((arn) => {
    const byProvider = running.get(arn) ?? new Map<string, number>();
    const providers = state.daemonRevisions.get(arn)?.capacityProviders ?? [...byProvider.keys()];
    const capacityProviders = providers.map((p) => ({ arn: capacityProviderArn(state, p), runningCount: byProvider.get(p) ?? 0 }));
    return { arn, capacityProviders, totalRunningCount: capacityProviders.reduce((n, c) => n + c.runningCount, 0) };
  });
}

export function describeDaemon(state: EcsState, d: DaemonRecord): DaemonDetail {
  return {
    daemonArn: d.daemonArn,
    clusterArn: d.clusterArn,
    status: d.status,
    currentRevisions: currentRevisions(state, d),
    deploymentArn: d.deploymentArn,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
