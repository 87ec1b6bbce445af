// A Managed Instances provider's configuration as ECS checks and stores it: the infrastructure role
// and instance profile (IAM's), the network (EC2's, one VPC), the instance requirements, and the
// defaults ECS fills in; an update replaces what it gives and keeps the rest.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { CreateManagedInstancesProviderConfiguration, InstanceRequirementsRequest, ManagedInstancesProvider, UpdateManagedInstancesProviderConfiguration } from "../generated/types.js";
import { checkInstanceNetwork } from "./ec2.js";
import { miMessages } from "./messages.js";

const range = (name: string, r: { min?: number; max?: number } | undefined): void => {
  if (r?.min !== undefined && r.min < 0) throw new InvalidParameterException(miMessages.rangeNegative(name));
  if (r?.min !== undefined && r.max !== undefined && r.max < r.min) throw new InvalidParameterException(miMessages.rangeInverted(name));
};

export function checkRequirements(req: InstanceRequirementsRequest | undefined): void {
  if (!req) return;
  if (req.vCpuCount.min < 1) throw new InvalidParameterException(miMessages.vcpuMin);
  range("vCpuCount", req.vCpuCount);
  range("memoryMiB", req.memoryMiB);
  range("memoryGiBPerVCpu", req.memoryGiBPerVCpu);
  if (req.allowedInstanceTypes?.length && req.excludedInstanceTypes?.length) throw new InvalidParameterException(miMessages.allowedAndExcluded);
}

function checkRoles(ctx: EcsContext, roleArn: string | undefined, profileArn: string | undefined): void {
  const iam = ctx.backend.peers.iam;
  if (roleArn !== undefined && !iam.role(ctx.state.accountId, roleArn)) throw new InvalidParameterException(miMessages.roleNotFound(roleArn));
  if (profileArn !== undefined && !iam.instanceProfile(ctx.state.accountId, profileArn)) throw new InvalidParameterException(miMessages.profileNotFound(profileArn));
}

function checkOptimization(scaleInAfter: number | undefined): void {
  if (scaleInAfter !== undefined && (scaleInAfter < -1 || scaleInAfter > 3600)) throw new InvalidParameterException(miMessages.scaleInAfter);
}

/** A new provider's configuration, checked; stored with ECS's one default (On-Demand capacity). */
export function createConfig(ctx: EcsContext, given: CreateManagedInstancesProviderConfiguration): ManagedInstancesProvider {
  const lt = given.instanceLaunchTemplate;
  checkRoles(ctx, given.infrastructureRoleArn, lt.ec2InstanceProfileArn);
  checkInstanceNetwork(ctx, lt.networkConfiguration.subnets ?? [], lt.networkConfiguration.securityGroups ?? []);
  checkRequirements(lt.instanceRequirements);
  checkOptimization(given.infrastructureOptimization?.scaleInAfter);
  return structuredClone({ ...given, instanceLaunchTemplate: { ...lt, capacityOptionType: lt.capacityOptionType ?? "ON_DEMAND" } });
}

/** The configuration after an update: what the update gives replaces what was, field by field. */
export function updatedConfig(ctx: EcsContext, current: ManagedInstancesProvider, given: UpdateManagedInstancesProviderConfiguration): ManagedInstancesProvider {
  const lt = given.instanceLaunchTemplate;
  checkRoles(ctx, given.infrastructureRoleArn, lt.ec2InstanceProfileArn);
  if (lt.networkConfiguration) checkInstanceNetwork(ctx, lt.networkConfiguration.subnets ?? [], lt.networkConfiguration.securityGroups ?? []);
  checkRequirements(lt.instanceRequirements);
  checkOptimization(given.infrastructureOptimization?.scaleInAfter);
  const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return structuredClone({
    ...current,
    ...defined({ infrastructureRoleArn: given.infrastructureRoleArn, propagateTags: given.propagateTags, infrastructureOptimization: given.infrastructureOptimization, autoRepairConfiguration: given.autoRepairConfiguration }),
    instanceLaunchTemplate: { ...current.instanceLaunchTemplate!, ...defined(lt) },
  });
}

/** Seconds an idle instance stays before ECS terminates it; undefined when optimization is off (-1). */
export function scaleInAfterSeconds(config: ManagedInstancesProvider): number | undefined {
  const v = config.infrastructureOptimization?.scaleInAfter;
  if (v === -1) return undefined;
  return v ?? DEFAULT_SCALE_IN_AFTER;
}

/** Chosen: the model documents `null` as "the default optimization behavior" without its delay. */
export const DEFAULT_SCALE_IN_AFTER = 300;

/** Whether ECS replaces impaired instances (auto repair is on unless turned off; chosen default). */
export function autoRepairOn(config: ManagedInstancesProvider): boolean {
  return config.autoRepairConfiguration?.actionsStatus !== "DISABLED";
}
