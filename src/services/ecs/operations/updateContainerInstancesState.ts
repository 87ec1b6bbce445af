import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { ContainerInstance, Failure } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { bump, describeInstance, findInstance, missingInstance } from "../domain/containerInstances.js";
import { clusterChanged } from "../scheduler/reconciler.js";

export const updateContainerInstancesState: Handler<"UpdateContainerInstancesState"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  if (input.status !== "ACTIVE" && input.status !== "DRAINING") {
    throw new InvalidParameterException("Container instance status should be one of [ACTIVE, DRAINING]");
  }
  if (input.containerInstances.length === 0) throw new InvalidParameterException("Container Instances cannot be empty.");
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const ref of input.containerInstances) {
    const ci = findInstance(state, rec, ref);
    if (!ci) {
      failures.push(missingInstance(state, rec, ref));
      continue;
    }
    // Only ACTIVE and DRAINING instances move between the two; a deregistered one stays where it is.
    if (ci.status !== "ACTIVE" && ci.status !== "DRAINING") {
      failures.push({ arn: ci.containerInstanceArn, reason: ci.status ?? "INACTIVE" });
      continue;
    }
    if (ci.status !== input.status) {
      ci.status = input.status;
      bump(ci);
    }
    containerInstances.push(describeInstance(state, rec, ci));
  }
  clusterChanged(ctx, rec);
  return { containerInstances, failures };
};
