import type { Handler } from "../context.js";
import { DaemonNotActiveException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { checkDaemonProviders, findDaemon } from "../daemons/daemons.js";
import { activeDaemonTd, checkDeploymentConfiguration } from "../daemons/checks.js";
import { recordRevision } from "../daemons/revisions.js";
import { startDeployment } from "../daemons/deployments.js";

/** A full replacement of the daemon's task definition and providers: a new revision, and a deployment to it. */
export const updateDaemon: Handler<"UpdateDaemon"> = (input, ctx) => {
  const { state } = ctx;
  const d = findDaemon(state, input.daemonArn);
  if (d.status !== "ACTIVE") throw new DaemonNotActiveException("The daemon is not active. A daemon that is being deleted cannot be updated.");
  const rec = activeCluster(state, d.clusterArn);
  const dtd = activeDaemonTd(state, input.daemonTaskDefinitionArn);
  const providers = checkDaemonProviders(state, rec, input.capacityProviderArns);
  checkDeploymentConfiguration(input.deploymentConfiguration);
  const now = ctx.now();
  const rev = recordRevision(state, d, dtd, providers, input, now);
  d.revisionArn = rev.revision.daemonRevisionArn!;
  d.updatedAt = now;
  const dep = startDeployment(ctx, d, d.revisionArn, input.deploymentConfiguration);
  return { daemonArn: d.daemonArn, status: d.status, createdAt: d.createdAt, updatedAt: d.updatedAt, deploymentArn: dep.deployment.daemonDeploymentArn };
};
