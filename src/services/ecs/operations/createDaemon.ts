import type { Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { checkTags, putTags } from "../domain/tags.js";
import { daemonArn } from "../daemons/arns.js";
import { checkDaemonProviders } from "../daemons/daemons.js";
import { checkDeploymentConfiguration, activeDaemonTd } from "../daemons/checks.js";
import { recordRevision } from "../daemons/revisions.js";
import { startDeployment } from "../daemons/deployments.js";
import type { DaemonRecord } from "../daemons/types.js";

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export const createDaemon: Handler<"CreateDaemon"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.clusterArn);
  const cluster = rec.cluster.clusterName!;
  const arn = daemonArn(state, cluster, input.daemonName);
  const existing = state.daemons.get(arn);
  // The same client token answers the daemon it created, unchanged.
  if (existing && !existing.deleted && input.clientToken !== undefined && existing.clientToken === input.clientToken) {
    return { daemonArn: arn, status: existing.status, createdAt: existing.createdAt, deploymentArn: existing.deployments[existing.deployments.length - 1] };
  }
  if (!NAME.test(input.daemonName)) throw new InvalidParameterException("Daemon name can contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
  if (existing && !existing.deleted) {
    if (existing.status === "DELETE_IN_PROGRESS") throw new InvalidParameterException(`The daemon ${input.daemonName} cannot be created while its deletion is ongoing.`);
    throw new InvalidParameterException(`A daemon named ${input.daemonName} already exists in cluster ${cluster}.`);
  }
  const dtd = activeDaemonTd(state, input.daemonTaskDefinitionArn);
  const providers = checkDaemonProviders(state, rec, input.capacityProviderArns);
  checkDeploymentConfiguration(input.deploymentConfiguration);
  checkTags(input.tags);
  if (input.clientToken !== undefined && input.clientToken.length > 36) throw new ClientException("The clientToken can contain up to 36 ASCII characters.");

  const now = ctx.now();
  const d: DaemonRecord = { daemonArn: arn, name: input.daemonName, clusterName: cluster, clusterArn: rec.cluster.clusterArn!, status: "ACTIVE", createdAt: now, updatedAt: now, revisionArn: "", deploymentArn: "", deployments: [], ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}) };
  const rev = recordRevision(state, d, dtd, providers, input, now);
  d.revisionArn = rev.revision.daemonRevisionArn!;
  state.daemons.delete(arn);
  state.daemons.set(arn, d);
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  const dep = startDeployment(ctx, d, d.revisionArn, input.deploymentConfiguration);
  return { daemonArn: arn, status: d.status, createdAt: d.createdAt, deploymentArn: dep.deployment.daemonDeploymentArn };
};
