// Instances and their states, moved by the clock: pending → running, stopping → stopped,
// shutting-down → terminated. Every change is told to the backend's instance listeners.
import { defineTimer } from "../../../engine/timers.js";
import type { Ec2Backend, Ec2State, InstanceRecord } from "../context.js";
import type { Instance, InstanceState, InstanceStateChange, InstanceStateName } from "../generated/types.js";
import { deleteInterface } from "./interfaces.js";
import { tagsOf } from "./tags.js";
import { releaseVolumes } from "./volumes.js";

export const STATE_CODES: Record<InstanceStateName, number> = { pending: 0, running: 16, "shutting-down": 32, terminated: 48, stopping: 64, stopped: 80 };

/** One frozen state per name: records and answers share it, and a change of state replaces it. */
const STATES = Object.fromEntries(Object.entries(STATE_CODES).map(([name, code]) => [name, Object.freeze({ Code: code, Name: name })])) as Record<InstanceStateName, InstanceState>;

export function instanceState(name: InstanceStateName): InstanceState {
  return STATES[name];
}

/** `User initiated (2026-01-01 00:00:00 GMT)`, as EC2 words a transition the user asked for. */
export function userInitiated(nowSeconds: number): string {
  return `User initiated (${new Date(nowSeconds * 1000).toISOString().replace("T", " ").slice(0, 19)} GMT)`;
}

/** Moves an instance to `name`, tells the listeners, and schedules the step that follows on its own. */
export function setState(backend: Ec2Backend, state: Ec2State, rec: InstanceRecord, name: InstanceStateName): void {
  const previous = rec.instance.State!.Name!;
  if (previous === name) return;
  rec.instance.State = instanceState(name);
  if (rec.timer) rec.timer.fn = undefined;
  rec.timer = undefined;
  if (name === "stopped" || name === "terminated") {
    const reason = "Client.UserInitiatedShutdown";
    rec.instance.StateReason = { Code: reason, Message: `${reason}: User initiated shutdown` };
  } else if (name === "running") {
    delete rec.instance.StateReason;
  }
  if (name === "terminated") {
    for (const ni of rec.instance.NetworkInterfaces ?? []) deleteInterface(state, ni.NetworkInterfaceId!);
    rec.instance.NetworkInterfaces = [];
    rec.instance.SecurityGroups = [];
    delete rec.instance.PrivateIpAddress;
    delete rec.instance.SubnetId;
    delete rec.instance.VpcId;
    rec.instance.PrivateDnsName = "";
    releaseVolumes(state, rec);
  }
  const next = NEXT[name];
  if (next) {
    rec.timer = backend.timeline.callAfter(backend.config.timings[next.stay], SET_STATE, backend, state, rec, next.to);
  }
  for (const listener of backend.instanceListeners) listener(state, rec, previous);
}

const SET_STATE = defineTimer("ec2.instanceState", setState);

/** An instance launched or started runs once `instancePendingMs` has passed, unless something moved it since. */
export const RUN_IF_PENDING = defineTimer("ec2.runIfPending", (backend: Ec2Backend, state: Ec2State, rec: InstanceRecord) => {
  if (rec.instance.State?.Name === "pending") setState(backend, state, rec, "running");
});

const NEXT: Partial<Record<InstanceStateName, { to: InstanceStateName; stay: "instancePendingMs" | "instanceStoppingMs" | "instanceShuttingDownMs" }>> = {
  pending: { to: "running", stay: "instancePendingMs" },
  stopping: { to: "stopped", stay: "instanceStoppingMs" },
  "shutting-down": { to: "terminated", stay: "instanceShuttingDownMs" },
};

export function stateChange(id: string, previous: InstanceStateName, current: InstanceStateName): InstanceStateChange {
  return { InstanceId: id, CurrentState: instanceState(current), PreviousState: instanceState(previous) };
}

/** The instance as Describe answers it: its tags now. */
export function describeInstance(state: Ec2State, rec: InstanceRecord): Instance {
  const tags = tagsOf(state, rec.instance.InstanceId!);
  return { ...rec.instance, ...(tags ? { Tags: tags } : {}) };
}

export function isLive(rec: InstanceRecord): boolean {
  return rec.instance.State?.Name !== "terminated";
}
