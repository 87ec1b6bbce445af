import type { Handler } from "../context.js";
import { MissingVersionException, NoUpdateAvailableException, UpdateInProgressException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { resolveInstance } from "../domain/containerInstances.js";

const UPDATING = new Set(["PENDING", "STAGING", "STAGED", "UPDATING"]);

// ecs-local has no newer agent to offer: an instance that reports its agent version is current.
export const updateContainerAgent: Handler<"UpdateContainerAgent"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const ci = resolveInstance(ctx.state, rec, input.containerInstance);
  if (ci.agentUpdateStatus && UPDATING.has(ci.agentUpdateStatus)) {
    throw new UpdateInProgressException("An agent update is already in progress for this container instance.");
  }
  if (!ci.versionInfo?.agentVersion) {
    throw new MissingVersionException("Amazon ECS is unable to determine the current version of the container agent on this container instance.");
  }
  throw new NoUpdateAvailableException("There is no update available for your container agent.");
};
