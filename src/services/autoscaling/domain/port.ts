// The port ECS capacity providers use: a group's capacity and instances, its desired capacity set
// as a scaling activity with ECS's cause, and scale-in protection of its instances.
import type { AutoScalingBackend, AutoScalingPort, GroupRecord, GroupView } from "../context.js";
import { findGroup, liveGroup } from "./groups.js";
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
    })),
  };
}

export function groupsPort(backend: AutoScalingBackend): AutoScalingPort {
  return {
    group(accountId, region, nameOrArn) {
      try {
        return view(findGroup(backend.states.get(accountId, region), nameOrArn));
      } catch {
        return undefined;
      }
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
  };
}
