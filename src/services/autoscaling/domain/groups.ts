// Finding groups, and a group and its instances as the Describe operations answer them.
import type { AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import type { AutoScalingGroup, AutoScalingInstanceDetails, Instance, LifecycleState } from "../generated/types.js";
import { groupNameOf } from "./arns.js";
import { asgErrors } from "./errors.js";

/** The group by name or ARN; throws `notFound` (AWS's text differs by operation). */
export function findGroup(state: AutoScalingState, nameOrArn: string, notFound: (name: string) => Error = asgErrors.groupNotFound): GroupRecord {
  const group = state.groups.get(groupNameOf(nameOrArn));
  if (!group || (nameOrArn.startsWith("arn:") && group.arn !== nameOrArn)) throw notFound(nameOrArn);
  return group;
}

/** A group that is not being deleted: changing one that is answers AWS's pending-delete text. */
export function liveGroup(state: AutoScalingState, nameOrArn: string, notFound: (name: string) => Error = asgErrors.groupNotFound): GroupRecord {
  const group = findGroup(state, nameOrArn, notFound);
  if (group.deleting) throw asgErrors.pendingDelete(group.name);
  return group;
}

/** The group an instance belongs to, as the instance operations look it up. */
export function groupOfInstance(state: AutoScalingState, instanceId: string): GroupRecord {
  const group = state.groups.get(state.instanceGroups.get(instanceId) ?? "");
  if (!group || !group.instances.has(instanceId)) throw asgErrors.validation(`Instance Id not found - No managed instance found for instance ID: ${instanceId}`);
  return group;
}

/** States that count toward the desired capacity: launching or in service. */
const COUNTED = new Set<LifecycleState>(["Pending", "Pending:Wait", "Pending:Proceed", "InService"]);

export function counts(inst: GroupInstance): boolean {
  return COUNTED.has(inst.lifecycle);
}

export function countedInstances(group: GroupRecord): GroupInstance[] {
  return [...group.instances.values()].filter(counts);
}

export function isTerminating(inst: GroupInstance): boolean {
  return inst.lifecycle.startsWith("Terminating");
}

function launchFields(inst: GroupInstance): Pick<Instance, "LaunchConfigurationName" | "LaunchTemplate"> {
  if (inst.launchConfigurationName !== undefined) return { LaunchConfigurationName: inst.launchConfigurationName };
  if (inst.launchTemplate) return { LaunchTemplate: { ...inst.launchTemplate } };
  return {};
}

/** An instance as DescribeAutoScalingGroups lists it (HealthStatus `Healthy`/`Unhealthy`). */
export function showInstance(inst: GroupInstance): Instance {
  return {
    InstanceId: inst.instanceId,
    InstanceType: inst.instanceType,
    AvailabilityZone: inst.zone,
    AvailabilityZoneId: inst.zoneId,
    LifecycleState: inst.lifecycle,
    HealthStatus: inst.health,
    ...launchFields(inst),
    ...(inst.imageId !== undefined ? { ImageId: inst.imageId } : {}),
    ProtectedFromScaleIn: inst.protectedFromScaleIn,
  };
}

/** As DescribeAutoScalingInstances answers it: there the health reads `HEALTHY`/`UNHEALTHY`. */
export function showInstanceDetails(group: GroupRecord, inst: GroupInstance): AutoScalingInstanceDetails {
  return { ...showInstance(inst), AutoScalingGroupName: group.name, HealthStatus: inst.health.toUpperCase() };
}

function launchOf(group: GroupRecord): Pick<AutoScalingGroup, "LaunchConfigurationName" | "LaunchTemplate" | "MixedInstancesPolicy"> {
  const l = group.launch;
  if (l.kind === "configuration") return { LaunchConfigurationName: l.name };
  if (l.kind === "template") return { LaunchTemplate: { ...l.template } };
  return { MixedInstancesPolicy: structuredClone(l.policy) };
}

export function showGroup(group: GroupRecord, includeInstances = true): AutoScalingGroup {
  const targetGroups = group.trafficSources.filter((t) => t.Type === "elbv2").map((t) => t.Identifier);
  return {
    AutoScalingGroupName: group.name,
    AutoScalingGroupARN: group.arn,
    ...launchOf(group),
    MinSize: group.minSize,
    MaxSize: group.maxSize,
    DesiredCapacity: group.desiredCapacity,
    DefaultCooldown: group.defaultCooldown,
    AvailabilityZones: [...group.availabilityZones],
    LoadBalancerNames: [],
    TargetGroupARNs: targetGroups,
    HealthCheckType: group.healthCheckType,
    HealthCheckGracePeriod: group.healthCheckGracePeriod,
    ...(includeInstances ? { Instances: [...group.instances.values()].map(showInstance) } : {}),
    CreatedTime: group.createdTime,
    SuspendedProcesses: [...group.suspended].map(([ProcessName, SuspensionReason]) => ({ ProcessName, SuspensionReason })),
    ...(group.subnets.length ? { VPCZoneIdentifier: group.subnets.map((s) => s.subnetId).join(",") } : {}),
    EnabledMetrics: group.enabledMetrics.map((m) => ({ ...m })),
    ...(group.deleting ? { Status: "Delete in progress" } : {}),
    Tags: group.tags.map((t) => ({ ...t })),
    TerminationPolicies: [...group.terminationPolicies],
    NewInstancesProtectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: group.serviceLinkedRoleARN,
    CapacityRebalance: group.capacityRebalance,
    ...structuredClone(group.extra),
    TrafficSources: group.trafficSources.map((t) => ({ ...t })),
  } as AutoScalingGroup;
}
