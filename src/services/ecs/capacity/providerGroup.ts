// The Auto Scaling group a new capacity provider names, checked as ECS checks it: a group that
// exists (by ARN, or by name as the model allows), not another provider's, and protected from scale-in
// when managed termination protection is asked for.
import type { GroupView } from "../../autoscaling/context.js";
import type { EcsContext } from "../context.js";
import { ClientException } from "../generated/errors.js";
import type { AutoScalingGroupProvider } from "../generated/types.js";
import { groupsPort, providerGroup } from "./autoScaling.js";
import { capacityMessages } from "./messages.js";

const GROUP_ARN = /^arn:aws[a-z-]*:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[0-9a-fA-F-]+:autoScalingGroupName\/.+$/;

export function checkGroup(ctx: EcsContext, asg: AutoScalingGroupProvider): GroupView {
  const ref = asg.autoScalingGroupArn;
  if (ref.startsWith("arn:") && !GROUP_ARN.test(ref)) throw new ClientException(capacityMessages.groupArnInvalid);
  const group = groupsPort(ctx.backend).group(ctx.state.accountId, ctx.state.region, ref);
  if (!group) throw new ClientException(capacityMessages.groupNotFound(ref));
  for (const other of ctx.state.capacityProviders.values()) {
    if (other.status === "INACTIVE" || !other.autoScalingGroupProvider) continue;
    if (providerGroup(ctx.backend, ctx.state, other)?.arn === group.arn) throw new ClientException(capacityMessages.groupInUse);
  }
  if (asg.managedTerminationProtection === "ENABLED") checkTerminationProtection(group);
  return group;
}

export function checkTerminationProtection(group: GroupView | undefined): void {
  if (group && !group.newInstancesProtectedFromScaleIn) throw new ClientException(capacityMessages.terminationProtectionInvalid);
}

/** Container instances already registered from the group's instances belong to the provider from now on. */
export function adoptInstances(ctx: EcsContext, group: GroupView, provider: string): void {
  const members = new Set(group.instances.map((i) => i.instanceId));
  for (const rec of ctx.state.clusters.values()) {
    for (const ci of rec.instances.values()) if (ci.status !== "INACTIVE" && !ci.capacityProviderName && members.has(ci.ec2InstanceId ?? "")) ci.capacityProviderName = provider;
  }
}

/** The ACTIVE provider whose group the EC2 instance belongs to: its container instance is that provider's. */
export function providerOfInstance(ctx: EcsContext, instanceId: string): string | undefined {
  // An instance ECS launched for a Managed Instances provider is that provider's.
  const managed = ctx.state.managedInstances.get(instanceId);
  if (managed) return managed.provider;
  const groupArn = groupsPort(ctx.backend).groupOfInstance(ctx.state.accountId, ctx.state.region, instanceId);
  if (!groupArn) return undefined;
  for (const cp of ctx.state.capacityProviders.values()) {
    if (cp.status === "ACTIVE" && cp.autoScalingGroupProvider && providerGroup(ctx.backend, ctx.state, cp)?.arn === groupArn) return cp.name;
  }
  return undefined;
}
