// What Auto Scaling hears from EC2 about its instances: `running` brings a launch into service,
// `terminated` ends a termination, and an instance EC2 stops or terminates behind the group's back
// fails its EC2 health check (after the grace period) and is replaced (ReplaceUnhealthy).
import { defineTimer } from "../../../engine/timers.js";
import type { Ec2State, InstanceRecord } from "../../ec2/context.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import { at } from "./activities.js";
import { isTerminating } from "./groups.js";
import { beginTermination, enterService, finishTermination, removeInstance } from "./lifecycle.js";
import { scheduleReconcile } from "./reconcile.js";

const GONE = new Set(["stopping", "stopped", "shutting-down", "terminated"]);

/** EC2's listener: every instance state change, of any account; only the groups' instances matter. */
export function onInstanceChange(backend: AutoScalingBackend, ec2State: Ec2State, rec: InstanceRecord): void {
  const id = rec.instance.InstanceId!;
  const state = backend.states.get(ec2State.accountId, ec2State.region);
  const group = state.groups.get(state.instanceGroups.get(id) ?? "");
  const inst = group?.instances.get(id);
  if (!group || !inst) return;
  const name = rec.instance.State!.Name!;
  inst.ec2State = name;
  if (isTerminating(inst)) {
    if (name === "terminated") finishTermination(backend, state, group, inst);
    return;
  }
  if (name === "running") {
    if (inst.lifecycle === "Pending" || inst.lifecycle === "Pending:Proceed") enterService(backend, state, group, inst);
    return;
  }
  if (!GONE.has(name)) return;
  if (inst.lifecycle === "Standby" || inst.lifecycle === "Detaching" || inst.lifecycle === "EnteringStandby") {
    // Health checks skip instances out of service; one that is gone for good leaves the group.
    if (name === "terminated") {
      removeInstance(backend, state, group, inst);
      scheduleReconcile(backend, state, group);
    }
    return;
  }
  scheduleHealthCheck(backend, state, group, inst);
}

/** The next health check of an instance: at once, or when its grace period after InService ends. */
export function scheduleHealthCheck(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (inst.healthTimer?.fn) return;
  const graceEnd = inst.inServiceAt !== undefined ? inst.inServiceAt + group.healthCheckGracePeriod * 1000 : 0;
  inst.healthTimer = backend.timeline.call(Math.max(backend.timeline.now(), graceEnd), HEALTH_CHECK, backend, state, group, inst);
}

const HEALTH_CHECK = defineTimer("autoscaling.healthCheck", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance) => {
  inst.healthTimer = undefined;
  healthCheck(backend, state, group, inst);
});

export function healthCheck(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance): void {
  if (group.instances.get(inst.instanceId) !== inst || isTerminating(inst) || !GONE.has(inst.ec2State)) return;
  if (group.suspended.has("HealthCheck")) return;
  inst.health = "Unhealthy";
  replaceUnhealthy(backend, state, group, inst);
}

/** An Unhealthy instance is terminated and a new one launched in its place, unless ReplaceUnhealthy is suspended. */
export function replaceUnhealthy(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, why = "an EC2 health check indicating it has been terminated or stopped"): void {
  if (group.suspended.has("ReplaceUnhealthy") || group.deleting) return;
  const counted = inst.lifecycle === "InService" || inst.lifecycle.startsWith("Pending");
  beginTermination(backend, state, group, inst, { cause: at(backend.timeline.now(), `an instance was taken out of service in response to ${why}.`) });
  if (counted) group.replacements++;
  scheduleReconcile(backend, state, group);
}

/** After ResumeProcesses: instances found unhealthy meanwhile are checked (and replaced) again. */
export function recheck(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  for (const inst of group.instances.values()) {
    if (isTerminating(inst)) continue;
    if (GONE.has(inst.ec2State)) scheduleHealthCheck(backend, state, group, inst);
    else if (inst.health === "Unhealthy" && inst.lifecycle === "InService") replaceUnhealthy(backend, state, group, inst, "a user health-check");
  }
}
