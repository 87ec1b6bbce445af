import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { findDaemon } from "../daemons/daemons.js";
import { startDeployment } from "../daemons/deployments.js";

/** DELETE_IN_PROGRESS, with a deployment that drains the daemon's instances; the daemon is gone once it succeeds. */
export const deleteDaemon: Handler<"DeleteDaemon"> = (input, ctx) => {
  const { state } = ctx;
  const d = findDaemon(state, input.daemonArn);
  // Terraform's provider waits on this text (hashicorp/terraform-provider-aws, internal/service/ecs/daemon.go).
  if (d.status === "DELETE_IN_PROGRESS") throw new InvalidParameterException("The daemon cannot be deleted because a deployment deletion is ongoing.");
  const now = ctx.now();
  d.status = "DELETE_IN_PROGRESS";
  d.updatedAt = now;
  const dep = startDeployment(ctx, d, undefined, state.daemonDeployments.get(d.deploymentArn)?.deployment.deploymentConfiguration);
  return { daemonArn: d.daemonArn, status: d.status, createdAt: d.createdAt, updatedAt: d.updatedAt, deploymentArn: dep.deployment.daemonDeploymentArn };
};
