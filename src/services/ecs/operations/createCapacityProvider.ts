import type { Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { CapacityProvider } from "../generated/types.js";
import { capacityProviderArn, checkCapacityProviderName, describeCapacityProvider, managedScaling } from "../domain/capacityProviders.js";
import { checkTags, putTags } from "../domain/tags.js";

export const createCapacityProvider: Handler<"CreateCapacityProvider"> = (input, { state }) => {
  checkCapacityProviderName(input.name);
  const asg = input.autoScalingGroupProvider;
  if (input.managedInstancesProvider) {
    throw new InvalidParameterException("Amazon ECS Managed Instances capacity providers are not supported by ecs-local; specify autoScalingGroupProvider.");
  }
  if (!asg) throw new InvalidParameterException("An Auto Scaling group provider must be specified to create a capacity provider.");
  checkTags(input.tags);

  const existing = state.capacityProviders.get(input.name);
  if (existing && existing.status !== "INACTIVE") {
    throw new ClientException("The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.");
  }
  for (const other of state.capacityProviders.values()) {
    if (other.status !== "INACTIVE" && other.autoScalingGroupProvider?.autoScalingGroupArn === asg.autoScalingGroupArn) {
      throw new ClientException("The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.");
    }
  }

  const arn = capacityProviderArn(state, input.name);
  const cp: CapacityProvider = {
    capacityProviderArn: arn,
    name: input.name,
    status: "ACTIVE",
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.autoScalingGroupArn,
      managedScaling: managedScaling(asg.managedScaling),
      managedTerminationProtection: asg.managedTerminationProtection ?? "DISABLED",
      managedDraining: asg.managedDraining ?? "ENABLED",
    },
    type: "EC2_AUTOSCALING",
  };
  state.capacityProviders.set(input.name, cp);
  // A deleted provider's tags do not come back with a new one of the same name.
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  return { capacityProvider: describeCapacityProvider(state, cp, true) };
};
