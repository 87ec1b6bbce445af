// Settings of a group that are checked or kept as given.
import type { CreateAutoScalingGroupType } from "../generated/types.js";
import { commonErrors } from "../../../protocol/errors.js";
import { asgErrors } from "./errors.js";

/** Kept and answered as given; nothing here acts on them (no instance lifetimes, warm-up or zonal shift). */
export const ECHOED = [
  "PlacementGroup",
  "MaxInstanceLifetime",
  "Context",
  "DesiredCapacityType",
  "DefaultInstanceWarmup",
  "InstanceMaintenancePolicy",
  "AvailabilityZoneDistribution",
  "AvailabilityZoneImpairmentPolicy",
  "CapacityReservationSpecification",
  "InstanceLifecyclePolicy",
  "DeletionProtection",
] as const satisfies readonly (keyof CreateAutoScalingGroupType)[];

export const TERMINATION_POLICIES = ["AllocationStrategy", "ClosestToNextInstanceHour", "Default", "NewestInstance", "OldestInstance", "OldestLaunchConfiguration", "OldestLaunchTemplate"];

export function checkTerminationPolicies(policies: string[] | undefined): void {
  for (const p of policies ?? []) {
    if (p.startsWith("arn:")) throw commonErrors.unsupported(`ecs-local does not run custom termination policies (Lambda functions) yet: ${p}`);
    if (!TERMINATION_POLICIES.includes(p)) throw asgErrors.validation(`Termination policy ${p} is not supported. Valid termination policies are: ${TERMINATION_POLICIES.join(", ")}`);
  }
}
