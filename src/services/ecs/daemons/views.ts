// Daemon deployments as Describe and List answer them: what is stored, with the revisions' instance
// counts read now.
import type { DaemonDeployment, DaemonDeploymentSummary } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { revisionDetail } from "./deployments.js";
import type { DeploymentRecord } from "./types.js";

export function deploymentView(state: EcsState, dep: DeploymentRecord): DaemonDeployment {
  return {
    ...structuredClone(dep.deployment),
    ...(dep.target ? { targetDaemonRevision: revisionDetail(state, dep, dep.target) } : {}),
    sourceDaemonRevisions: dep.sources.map((arn) => revisionDetail(state, dep, arn)),
  };
}

export function summaryView(dep: DeploymentRecord): DaemonDeploymentSummary {
  const d = dep.deployment;
  return {
    daemonDeploymentArn: d.daemonDeploymentArn,
    daemonArn: dep.daemonArn,
    clusterArn: d.clusterArn,
    status: d.status,
    ...(d.statusReason ? { statusReason: d.statusReason } : {}),
    ...(dep.target ? { targetDaemonRevisionArn: dep.target } : {}),
    createdAt: d.createdAt,
    ...(d.startedAt !== undefined ? { startedAt: d.startedAt } : {}),
    ...(d.stoppedAt !== undefined ? { stoppedAt: d.stoppedAt } : {}),
    ...(d.finishedAt !== undefined ? { finishedAt: d.finishedAt } : {}),
  };
}
