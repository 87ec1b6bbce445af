import type { EcsContext, Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { CapacityProvider, CreateCapacityProviderRequest, CreateCapacityProviderResponse } from "../generated/types.js";
import { capacityProviderArn, checkCapacityProviderName, describeCapacityProvider, managedScaling } from "../domain/capacityProviders.js";
import { checkTags, putTags } from "../domain/tags.js";
import { loadAutoScaling } from "../capacity/autoScaling.js";
import { tagManaged } from "../capacity/groupResources.js";
import { adoptInstances, checkGroup } from "../capacity/providerGroup.js";
import { loadEc2 } from "../managedInstances/ec2.js";
import { miMessages } from "../managedInstances/messages.js";
import { createManagedInstancesProvider } from "../managedInstances/providers.js";

function create(input: CreateCapacityProviderRequest, ctx: EcsContext): CreateCapacityProviderResponse {
  const { state } = ctx;
  checkCapacityProviderName(input.name);
  const asg = input.autoScalingGroupProvider;
  if (asg && input.managedInstancesProvider) throw new InvalidParameterException(miMessages.bothProviders);
  if (input.managedInstancesProvider) return createManagedInstancesProvider(input, ctx);
  if (!asg) throw new InvalidParameterException(miMessages.neither);
  if (input.cluster !== undefined) throw new InvalidParameterException(miMessages.clusterNotAllowed);
  checkTags(input.tags);

  const existing = state.capacityProviders.get(input.name);
  if (existing && existing.status !== "INACTIVE") {
    throw new ClientException("The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.");
  }
  const group = checkGroup(ctx, asg);
  // ECS marks the group it manages (the Developer Guide's cluster auto scaling considerations).
  tagManaged(ctx, group.name);

  const arn = capacityProviderArn(state, input.name);
  const cp: CapacityProvider = {
    capacityProviderArn: arn,
    name: input.name,
    status: "ACTIVE",
    autoScalingGroupProvider: {
      // As given: a name stays a name (the model accepts either).
      autoScalingGroupArn: asg.autoScalingGroupArn,
      managedScaling: managedScaling(asg.managedScaling),
      managedTerminationProtection: asg.managedTerminationProtection ?? "DISABLED",
      managedDraining: asg.managedDraining ?? "ENABLED",
    },
    type: "EC2_AUTOSCALING",
  };
  state.capacityProviders.set(input.name, cp);
  state.managed.delete(input.name);
  // A deleted provider's tags do not come back with a new one of the same name.
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  adoptInstances(ctx, group, input.name);
  return { capacityProvider: describeCapacityProvider(state, cp, true) };
}

/** Auto Scaling's and EC2's operations are loaded first: the group or the network is checked through them, in one turn. */
export const createCapacityProvider: Handler<"CreateCapacityProvider"> = (input, ctx) => {
  const loading = [loadAutoScaling(ctx.backend), loadEc2(ctx.backend)].filter((p) => p !== undefined);
  return loading.length ? Promise.all(loading).then(() => create(input, ctx)) : create(input, ctx);
};
