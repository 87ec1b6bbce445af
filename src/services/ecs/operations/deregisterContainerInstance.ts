import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { activeTasksOn, bump, describeInstance, resolveInstance } from "../domain/containerInstances.js";
import { stopTasksOnInstance } from "../scheduler/lifecycle.js";
import { clusterChanged } from "../scheduler/reconciler.js";

export const deregisterContainerInstance: Handler<"DeregisterContainerInstance"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const ci = resolveInstance(state, rec, input.containerInstance);
  // Deregistering twice answers the deregistered instance, unchanged.
  if (ci.status === "INACTIVE") return { containerInstance: describeInstance(state, rec, ci) };
  const arn = ci.containerInstanceArn!;
  if (activeTasksOn(rec, arn) > 0) {
    if (!input.force) throw new InvalidParameterException("Found running tasks on the instance.");
    stopTasksOnInstance(ctx, rec, arn, "Container instance deregistration forced by user");
  }
  ci.status = "INACTIVE";
  ci.agentConnected = false;
  bump(ci);
  clusterChanged(ctx, rec);
  return { containerInstance: describeInstance(state, rec, ci) };
};
