// The port ECS capacity providers use: a group's capacity and instances, its desired capacity set
// as a scaling activity with ECS's cause, scale-in protection of its instances, the instance types
// it launches (for managed scaling's arithmetic) and the instances its termination hooks hold.
import { AwsError } from "../../../protocol/errors.js";
import type { AutoScalingBackend, AutoScalingPort, AutoScalingState, GroupRecord, GroupView } from "../context.js";
import { findGroup, liveGroup } from "./groups.js";
import { findConfiguration } from "./launchSource.js";
import { callEc2 } from "./peers.js";
import { changeDesired, checkSetDesired } from "./scaling.js";
import { setProtection } from "./protection.js";

function view(group: GroupRecord): GroupView {
  return {
    name: group.name,
    arn: group.arn,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredCapacity: group.desiredCapacity,
    newInstancesProtectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
    deleting: group.deleting,
    instances: [...group.instances.values()].map((i) => ({
      instanceId: i.instanceId,
      lifecycleState: i.lifecycle,
      healthStatus: i.health,
      protectedFromScaleIn: i.protectedFromScaleIn,
      availabilityZone: i.zone,
      instanceType: i.instanceType,
      launchedAt: i.launchedAt ?? i.inServiceAt ?? 0,
    })),
  };
}

/** The instance type a launch template version names; undefined when it names none or EC2 does not know it. */
function templateType(backend: AutoScalingBackend, state: AutoScalingState, id: string | undefined, version: string | undefined): string | undefined {
  try {
    const out = callEc2(backend, state, "DescribeLaunchTemplateVersions", { LaunchTemplateId: id, Versions: [version ?? "$Default"] });
    return out.LaunchTemplateVersions?.[0]?.LaunchTemplateData?.InstanceType;
  } catch (e) {
    if (e instanceof AwsError) return undefined;
    throw e;
  }
}

function instanceTypes(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): string[] {
  const l = group.launch;
  if (l.kind === "configuration") return [findConfiguration(state, l.name).InstanceType];
  if (l.kind === "template") {
    const t = templateType(backend, state, l.template.LaunchTemplateId, l.template.Version);
    return t ? [t] : [];
  }
  const overrides = (l.policy.LaunchTemplate?.Overrides ?? []).map((o) => o.InstanceType).filter((t): t is string => t !== undefined);
  if (overrides.length) return overrides;
  const spec = l.policy.LaunchTemplate?.LaunchTemplateSpecification;
  const t = templateType(backend, state, spec?.LaunchTemplateId, spec?.Version);
  return t ? [t] : [];
}

export function groupsPort(backend: AutoScalingBackend): AutoScalingPort {
  const lookup = (accountId: string, region: string, nameOrArn: string): GroupRecord | undefined => {
    try {
      return findGroup(backend.states.get(accountId, region), nameOrArn);
    } catch {
      return undefined;
    }
  };
  return {
    group(accountId, region, nameOrArn) {
      const group = lookup(accountId, region, nameOrArn);
      return group && view(group);
    },
    setDesiredCapacity(accountId, region, nameOrArn, desired, cause) {
      const state = backend.states.get(accountId, region);
      const group = liveGroup(state, nameOrArn);
      checkSetDesired(group, desired);
      changeDesired(backend, state, group, desired, cause);
    },
    setInstanceProtection(accountId, region, nameOrArn, instanceIds, protect) {
      const state = backend.states.get(accountId, region);
      setProtection(liveGroup(state, nameOrArn), instanceIds, protect);
    },
    instanceTypes(accountId, region, nameOrArn) {
      const group = lookup(accountId, region, nameOrArn);
      return group ? instanceTypes(backend, backend.states.get(accountId, region), group) : [];
    },
    groupOfInstance(accountId, region, instanceId) {
      const state = backend.states.get(accountId, region);
      const group = state.groups.get(state.instanceGroups.get(instanceId) ?? "");
      return group?.instances.has(instanceId) ? group.arn : undefined;
    },
    onTerminating(listener) {
      backend.terminatingListeners.push(listener);
    },
  };
}
