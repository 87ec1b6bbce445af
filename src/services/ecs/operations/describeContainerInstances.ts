import type { Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { ContainerInstance, Failure } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { describeInstance, findInstance, missingInstance } from "../domain/containerInstances.js";

export const describeContainerInstances: Handler<"DescribeContainerInstances"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  if (input.containerInstances.length === 0) throw new ClientException("Container Instances cannot be empty.");
  if (input.containerInstances.length > 100) throw new InvalidParameterException("instanceIds can have at most 100 items.");
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const ref of input.containerInstances) {
    const ci = findInstance(state, rec, ref);
    if (ci) containerInstances.push(describeInstance(state, rec, ci, input.include));
    else failures.push(missingInstance(state, rec, ref));
  }
  return { containerInstances, failures };
};
