import type { GroupRecord, Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { ECHOED, checkTerminationPolicies } from "../domain/groupInput.js";
import { launchSource } from "../domain/launchSource.js";
import { placement } from "../domain/network.js";
import { changeDesired, checkBounds } from "../domain/scaling.js";

/** A new MinSize above the desired capacity raises it, a new MaxSize below lowers it (unless DesiredCapacity is given). */
function newDesired(group: GroupRecord, min: number, max: number, desired: number | undefined): number {
  if (desired !== undefined) return desired;
  if (min > group.desiredCapacity) return min;
  if (max < group.desiredCapacity) return max;
  return group.desiredCapacity;
}

export const updateAutoScalingGroup: Handler<"UpdateAutoScalingGroup"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName, asgErrors.groupNotFoundNull);
  const sources = [input.LaunchConfigurationName, input.LaunchTemplate, input.MixedInstancesPolicy].filter((v) => v !== undefined).length;
  if (sources > 1) throw asgErrors.validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName or MixedInstancesPolicy parameter.");
  const launch = sources ? launchSource(backend, state, input) : group.launch;
  const min = input.MinSize ?? group.minSize;
  const max = input.MaxSize ?? group.maxSize;
  const desired = newDesired(group, min, max, input.DesiredCapacity);
  checkBounds(min, max, desired);
  let where = { availabilityZones: group.availabilityZones, subnets: group.subnets };
  if (input.VPCZoneIdentifier !== undefined) where = placement(backend, state, input.VPCZoneIdentifier, input.AvailabilityZones);
  else if (input.AvailabilityZones?.length) {
    if (group.subnets.length) where = placement(backend, state, group.subnets.map((s) => s.subnetId).join(","), input.AvailabilityZones);
    else where = placement(backend, state, undefined, input.AvailabilityZones);
  }
  checkTerminationPolicies(input.TerminationPolicies);

  group.launch = launch;
  group.minSize = min;
  group.maxSize = max;
  group.availabilityZones = where.availabilityZones;
  group.subnets = where.subnets;
  if (input.DefaultCooldown !== undefined) group.defaultCooldown = input.DefaultCooldown;
  if (input.HealthCheckType !== undefined) group.healthCheckType = input.HealthCheckType;
  if (input.HealthCheckGracePeriod !== undefined) group.healthCheckGracePeriod = input.HealthCheckGracePeriod;
  if (input.TerminationPolicies !== undefined) group.terminationPolicies = input.TerminationPolicies.length ? [...input.TerminationPolicies] : ["Default"];
  if (input.NewInstancesProtectedFromScaleIn !== undefined) group.newInstancesProtectedFromScaleIn = input.NewInstancesProtectedFromScaleIn;
  if (input.CapacityRebalance !== undefined) group.capacityRebalance = input.CapacityRebalance;
  if (input.ServiceLinkedRoleARN !== undefined) group.serviceLinkedRoleARN = input.ServiceLinkedRoleARN;
  for (const key of ECHOED) {
    const value = (input as unknown as Record<string, unknown>)[key];
    if (value !== undefined) group.extra[key] = structuredClone(value);
  }
  changeDesired(backend, state, group, desired, `a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`);
  return {};
};
