import type { Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import { describeCapacityProvider, isFargateProvider, managedScaling, usableCapacityProvider } from "../domain/capacityProviders.js";

export const updateCapacityProvider: Handler<"UpdateCapacityProvider"> = (input, ctx) => {
  const { state } = ctx;
  if (isFargateProvider(input.name)) throw new ClientException("The FARGATE and FARGATE_SPOT capacity providers are reserved and cannot be updated.");
  const cp = usableCapacityProvider(state, input.name);
  if (!cp) throw new ClientException("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
  if (input.managedInstancesProvider) throw new InvalidParameterException("The capacity provider does not use Amazon ECS Managed Instances.");
  const given = input.autoScalingGroupProvider;
  if (!given) throw new InvalidParameterException("An Auto Scaling group provider must be specified to update the capacity provider.");

  const asg = cp.autoScalingGroupProvider!;
  if (given.managedScaling) asg.managedScaling = managedScaling(given.managedScaling, asg.managedScaling);
  if (given.managedTerminationProtection) asg.managedTerminationProtection = given.managedTerminationProtection;
  if (given.managedDraining) asg.managedDraining = given.managedDraining;
  cp.updateStatus = "UPDATE_IN_PROGRESS";
  delete cp.updateStatusReason;
  // The change settles on the next turn of the timeline, never because someone asked.
  ctx.backend.timeline.after(0, () => {
    if (cp.updateStatus === "UPDATE_IN_PROGRESS") cp.updateStatus = "UPDATE_COMPLETE";
  });
  return { capacityProvider: describeCapacityProvider(state, cp, false) };
};
