// An instance's way through its group: launched through EC2 (Pending, Pending:Wait while launch
// hooks hold it), InService once EC2 runs it, then Terminating (Terminating:Wait, :Proceed) until
// EC2 says terminated, when it leaves the group. Every step moves the activity that started it.
import { AwsError } from "../../../protocol/errors.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import type { Tag } from "../generated/types.js";
import { startActivity, updateActivity } from "./activities.js";
import { cancelActions, startActions } from "./hooks.js";
import { launchInput } from "./launchSource.js";
import { callEc2 } from "./peers.js";
import { scheduleReconcile } from "./reconcile.js";
import { nudgeRefresh } from "./refresh.js";
import { settle } from "./scaling.js";
import { deregister, register } from "./targets.js";

export const LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";
export const TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";

export interface Where {
  subnetId?: string;
  zone: string;
}

function launchTags(group: GroupRecord): { user: Tag[]; aws: Tag[] } {
  const tags = group.tags.filter((t) => t.PropagateAtLaunch).map((t) => ({ Key: t.Key!, Value: t.Value ?? "" }));
  const aws = tags.filter((t) => t.Key.toLowerCase().startsWith("aws:"));
  return { user: tags.filter((t) => !aws.includes(t)), aws: [...aws, { Key: "aws:autoscaling:groupName", Value: group.name }] };
}

function failLaunch(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, where: Where, cause: string, e: AwsError): void {
  const activity = startActivity(backend, state, group, { description: "Launching a new EC2 instance", cause, place: where });
  const text = e.message.endsWith(".") ? e.message : `${e.message}.`;
  updateActivity(backend, state, activity.ActivityId, "Failed", undefined, `${text} Launching EC2 instance failed.`);
  settle(backend, state, group, activity.ActivityId);
  // AWS tries again later; so do we, waiting longer after each failure in a row.
  group.retryDelay = Math.min(Math.max(group.retryDelay * 2, 10_000), 300_000);
  group.retryAt = backend.timeline.now() + group.retryDelay;
}

/** Launches one instance through EC2 RunInstances; undefined when EC2 refused (a Failed activity). */
export function launchInstance(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, where: Where, cause: string): GroupInstance | undefined {
  const source = launchInput(state, group);
  const tags = launchTags(group);
  const input = {
    ...source.input,
    MinCount: 1,
    MaxCount: 1,
    ...(where.subnetId !== undefined ? { SubnetId: where.subnetId } : { Placement: { AvailabilityZone: where.zone } }),
    ...(tags.user.length ? { TagSpecifications: [{ ResourceType: "instance", Tags: tags.user }] } : {}),
  };
  let out;
  try {
    out = callEc2(backend, state, "RunInstances", input);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    failLaunch(backend, state, group, where, cause, e);
    return undefined;
  }
  group.retryDelay = 0;
  const ec2 = out.Instances[0];
  backend.peers.ec2.awsTags(state.accountId, state.region, ec2.InstanceId, tags.aws);
  const inst: GroupInstance = {
    instanceId: ec2.InstanceId,
    instanceType: ec2.InstanceType,
    zone: ec2.Placement.AvailabilityZone,
    zoneId: ec2.Placement.AvailabilityZoneId,
    subnetId: ec2.SubnetId,
    imageId: ec2.ImageId,
    lifecycle: "Pending",
    health: "Healthy",
    protectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
    ...(source.configurationName !== undefined ? { launchConfigurationName: source.configurationName } : { launchTemplate: source.template }),
    seq: group.seq++,
    launchedAt: backend.timeline.now(),
    registered: false,
    actions: new Map(),
    ec2State: ec2.State.Name,
  };
  group.instances.set(inst.instanceId, inst);
  state.instanceGroups.set(inst.instanceId, group.name);
  startActivity(backend, state, group, { description: `Launching a new EC2 instance: ${inst.instanceId}`, cause, inst });
  if (startActions(backend, state, group, inst, LAUNCHING)) {
    inst.lifecycle = "Pending:Wait";
    updateActivity(backend, state, inst.activityId, "MidLifecycleAction", 50);
  }
  return inst;
}

/** Launch hooks done (or none): InService once EC2 runs it, else Pending:Proceed until then. */
export function continueLaunch(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (inst.ec2State === "running") enterService(backend, state, group, inst);
  else if (inst.lifecycle === "Pending:Wait") inst.lifecycle = "Pending:Proceed";
}

export function enterService(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  inst.lifecycle = "InService";
  inst.inServiceAt = backend.timeline.now();
  register(backend, state, group, inst);
  updateActivity(backend, state, inst.activityId, "Successful");
  settle(backend, state, group, inst.activityId);
  nudgeRefresh(backend, state, group, true);
}

/** A launch hook answered ABANDON (or timed out so): the launch is cancelled and the instance terminated. */
export function abandonLaunch(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, token: string): void {
  const reason = `Instance failed to complete user's Lifecycle Action: Lifecycle Action with token ${token} was abandoned: Lifecycle Action Completed with ABANDON Result`;
  updateActivity(backend, state, inst.activityId, "Cancelled", undefined, reason);
  inst.lifecycle = "Terminating:Proceed";
  terminateInEc2(backend, state, group, inst);
}

export interface Termination {
  cause: string;
  /** Skip termination hooks (a forced delete ends outstanding lifecycle actions). */
  noHooks?: boolean;
}

/** Takes an instance out of service: deregistered, held by termination hooks, then terminated in EC2. */
export function beginTermination(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, t: Termination): void {
  cancelActions(backend, inst);
  updateActivity(backend, state, inst.activityId, "Cancelled");
  inst.lifecycle = "Terminating";
  deregister(backend, state, group, inst);
  startActivity(backend, state, group, { description: `Terminating EC2 instance: ${inst.instanceId}`, cause: t.cause, inst });
  if (!t.noHooks && startActions(backend, state, group, inst, TERMINATING)) {
    inst.lifecycle = "Terminating:Wait";
    updateActivity(backend, state, inst.activityId, "MidLifecycleAction", 50);
    for (const hook of inst.actions.keys()) for (const listener of backend.terminatingListeners) listener(state.accountId, state.region, group.name, inst.instanceId, hook);
    return;
  }
  terminateInEc2(backend, state, group, inst);
}

/** Termination hooks done (or none): EC2 terminates the instance; its report ends the activity. */
export function proceedTermination(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  inst.lifecycle = "Terminating:Proceed";
  updateActivity(backend, state, inst.activityId, "InProgress", 75);
  terminateInEc2(backend, state, group, inst);
}

function terminateInEc2(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (inst.ec2State === "terminated") return finishTermination(backend, state, group, inst);
  try {
    callEc2(backend, state, "TerminateInstances", { InstanceIds: [inst.instanceId] });
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    finishTermination(backend, state, group, inst);
  }
}

/** EC2 reports it terminated: the activity ends and the instance leaves the group. */
export function finishTermination(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (!group.instances.has(inst.instanceId)) return;
  updateActivity(backend, state, inst.activityId, "Successful");
  removeInstance(backend, state, group, inst);
  settle(backend, state, group, inst.activityId);
  nudgeRefresh(backend, state, group);
  scheduleReconcile(backend, state, group);
}

export function removeInstance(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  cancelActions(backend, inst);
  backend.timeline.cancel(inst.healthTimer);
  group.instances.delete(inst.instanceId);
  if (state.instanceGroups.get(inst.instanceId) === group.name) state.instanceGroups.delete(inst.instanceId);
}
