// Instances joining and leaving a group by request: AttachInstances, DetachInstances, EnterStandby
// and ExitStandby. Each is an activity that completes at the next turn of the clock.
import { defineTimer } from "../../../engine/timers.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import type { Activity } from "../generated/types.js";
import { at, startActivity, updateActivity } from "./activities.js";
import { asgErrors } from "./errors.js";
import { counts } from "./groups.js";
import { enterService, removeInstance } from "./lifecycle.js";
import { callEc2 } from "./peers.js";
import { scheduleReconcile } from "./reconcile.js";
import { deregister } from "./targets.js";

/** The group's instances named, each of them the group's and in one of the allowed states. */
export function membersOf(group: GroupRecord, ids: string[], allowed: string[], what: string): GroupInstance[] {
  return ids.map((id) => {
    const inst = group.instances.get(id);
    if (!inst) throw asgErrors.validation(`The instance ${id} is not part of Auto Scaling group ${group.name}.`);
    if (!allowed.includes(inst.lifecycle)) throw asgErrors.validation(`The instance ${id} is not in ${allowed.join(" or ")}; it cannot ${what}.`);
    return inst;
  });
}

type Step = "detached" | "standby" | "exitedStandby" | "attached";

/** Runs `step` at the next turn of the clock, if the instance is still the group's. */
function next(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, step: Step, activityId?: string): void {
  backend.timeline.call(backend.timeline.now(), NEXT, backend, state, group, inst, step, activityId);
}

const NEXT = defineTimer("autoscaling.membershipStep", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, step: Step, activityId?: string) => {
  if (state.groups.get(group.name) !== group || group.instances.get(inst.instanceId) !== inst) return;
  if (step === "detached") {
    inst.lifecycle = "Detached";
    updateActivity(backend, state, activityId!, "Successful");
    removeInstance(backend, state, group, inst);
    scheduleReconcile(backend, state, group);
  } else if (step === "standby") {
    inst.lifecycle = "Standby";
    updateActivity(backend, state, activityId!, "Successful");
  } else if (step === "attached") {
    if (inst.lifecycle === "Pending") enterService(backend, state, group, inst);
  } else if (inst.lifecycle === "Pending" && inst.ec2State === "running") enterService(backend, state, group, inst);
});

export function detach(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, insts: GroupInstance[], decrement: boolean): Activity[] {
  const now = backend.timeline.now();
  let capacity = group.desiredCapacity;
  return insts.map((inst) => {
    const shrink = decrement && counts(inst) ? `, shrinking the capacity from ${capacity} to ${--capacity}` : "";
    if (shrink) group.desiredCapacity = capacity;
    inst.lifecycle = "Detaching";
    deregister(backend, state, group, inst);
    const a = startActivity(backend, state, group, { description: `Detaching EC2 instance: ${inst.instanceId}`, cause: at(now, `instance ${inst.instanceId} was detached in response to a user request${shrink}.`), progress: 50, inst });
    next(backend, state, group, inst, "detached", a.ActivityId);
    return { ...a };
  });
}

export function enterStandby(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, insts: GroupInstance[], decrement: boolean): Activity[] {
  const now = backend.timeline.now();
  let capacity = group.desiredCapacity;
  return insts.map((inst) => {
    const shrink = decrement ? `, shrinking the capacity from ${capacity} to ${--capacity}` : "";
    if (decrement) group.desiredCapacity = capacity;
    inst.lifecycle = "EnteringStandby";
    deregister(backend, state, group, inst);
    const a = startActivity(backend, state, group, { description: `Moving EC2 instance to Standby: ${inst.instanceId}`, cause: at(now, `instance ${inst.instanceId} was moved to standby in response to a user request${shrink}.`), progress: 50, inst });
    next(backend, state, group, inst, "standby", a.ActivityId);
    scheduleReconcile(backend, state, group);
    return { ...a };
  });
}

export function exitStandby(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, insts: GroupInstance[]): Activity[] {
  const now = backend.timeline.now();
  if (group.desiredCapacity + insts.length > group.maxSize) throw asgErrors.desiredAboveMax(group.desiredCapacity + insts.length, group.maxSize);
  let capacity = group.desiredCapacity;
  return insts.map((inst) => {
    group.desiredCapacity = capacity + 1;
    inst.lifecycle = "Pending";
    const a = startActivity(backend, state, group, { description: `Moving EC2 instance out of Standby: ${inst.instanceId}`, cause: at(now, `instance ${inst.instanceId} was moved out of standby in response to a user request, increasing the capacity from ${capacity++} to ${capacity}.`), status: "PreInService", progress: 30, inst });
    next(backend, state, group, inst, "exitedStandby");
    return { ...a };
  });
}

interface Ec2Instance {
  InstanceId: string;
  InstanceType: string;
  ImageId: string;
  SubnetId?: string;
  State: { Name: string };
  Placement: { AvailabilityZone: string; AvailabilityZoneId: string };
}

/** AttachInstances: running instances of the group's zones, not in another group, within MaxSize. */
export function attach(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, ids: string[]): void {
  const found: Ec2Instance[] = ids.map((id) => {
    let inst: Ec2Instance | undefined;
    try {
      inst = callEc2(backend, state, "DescribeInstances", { InstanceIds: [id] }).Reservations?.[0]?.Instances?.[0];
    } catch {
      inst = undefined;
    }
    if (!inst || inst.State.Name === "terminated") throw asgErrors.validation(`Instance [${id}] is invalid.`);
    if (inst.State.Name !== "running") throw asgErrors.validation(`Instance ${id} is not in a running state: ${inst.State.Name}.`);
    if (state.instanceGroups.has(id)) throw asgErrors.validation(`The instance ${id} is already part of the Auto Scaling group ${state.instanceGroups.get(id)}.`);
    if (!group.availabilityZones.includes(inst.Placement.AvailabilityZone)) throw asgErrors.validation(`The instance ${id} is in zone ${inst.Placement.AvailabilityZone}, which is not one of the Auto Scaling group's zones.`);
    return inst;
  });
  const total = group.desiredCapacity + found.length;
  if (total > group.maxSize) throw asgErrors.validation(`AutoScalingGroup ${group.name} has min-size=${group.minSize}, max-size=${group.maxSize}, and desired-size=${group.desiredCapacity}. To attach ${found.length} more instance(s), increase the size of the group's max-size.`);
  const now = backend.timeline.now();
  for (const e of found) {
    group.desiredCapacity++;
    const inst: GroupInstance = {
      instanceId: e.InstanceId,
      instanceType: e.InstanceType,
      zone: e.Placement.AvailabilityZone,
      zoneId: e.Placement.AvailabilityZoneId,
      imageId: e.ImageId,
      lifecycle: "Pending",
      health: "Healthy",
      protectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
      seq: group.seq++,
      launchedAt: now,
      registered: false,
      actions: new Map(),
      ec2State: e.State.Name,
    };
    group.instances.set(inst.instanceId, inst);
    state.instanceGroups.set(inst.instanceId, group.name);
    backend.peers.ec2.awsTags(state.accountId, state.region, inst.instanceId, [{ Key: "aws:autoscaling:groupName", Value: group.name }]);
    // Attached instances' activities name no subnet, as AWS's notifications of them do.
    const a = startActivity(backend, state, group, { description: `Attaching an existing EC2 instance: ${inst.instanceId}`, cause: at(now, `an instance was added in response to user request. Keeping the capacity at the new ${group.desiredCapacity}.`), progress: 50, place: { zone: inst.zone } });
    inst.activityId = a.ActivityId;
    inst.subnetId = e.SubnetId;
    next(backend, state, group, inst, "attached");
  }
}
