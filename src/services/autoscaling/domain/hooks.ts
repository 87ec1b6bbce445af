// Lifecycle hooks hold an instance in Pending:Wait or Terminating:Wait until each hook's action is
// completed (CompleteLifecycleAction), or its heartbeat runs out and the hook's DefaultResult applies.
import { defineTimer } from "../../../engine/timers.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord, PendingAction } from "../context.js";
import type { LifecycleHook } from "../generated/types.js";
import { abandonLaunch, continueLaunch, proceedTermination } from "./lifecycle.js";

/** AWS's defaults: an hour's heartbeat, ABANDON, and at most 100 heartbeats or 48 hours in all. */
export const DEFAULT_HEARTBEAT = 3600;
export const MAX_GLOBAL_TIMEOUT = 172_800;

export function hookDefaults(hook: LifecycleHook): LifecycleHook {
  const heartbeat = hook.HeartbeatTimeout ?? DEFAULT_HEARTBEAT;
  return { ...hook, HeartbeatTimeout: heartbeat, GlobalTimeout: Math.min(100 * heartbeat, MAX_GLOBAL_TIMEOUT), DefaultResult: hook.DefaultResult ?? "ABANDON" };
}

function arm(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, action: PendingAction, hook: LifecycleHook): void {
  backend.timeline.cancel(action.timer);
  action.timer = backend.timeline.call(Math.min(action.heartbeatAt, action.deadline), TIMED_OUT, backend, state, group, inst, action, hook.DefaultResult ?? "ABANDON");
}

const TIMED_OUT = defineTimer("autoscaling.hookTimedOut", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, action: PendingAction, result: string) => {
  if (inst.actions.get(action.hook) !== action) return;
  completeAction(backend, state, group, inst, action.hook, result);
});

/** Starts one action per hook of the transition; false when the group has none. */
export function startActions(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, transition: string): boolean {
  const hooks = [...group.hooks.values()].filter((h) => h.LifecycleTransition === transition);
  const now = backend.timeline.now();
  for (const hook of hooks) {
    const action: PendingAction = {
      hook: hook.LifecycleHookName!,
      token: backend.ids.uuid(),
      heartbeatAt: now + hook.HeartbeatTimeout! * 1000,
      deadline: now + hook.GlobalTimeout! * 1000,
    };
    inst.actions.set(action.hook, action);
    arm(backend, state, group, inst, action, hook);
  }
  return hooks.length > 0;
}

export function cancelActions(backend: AutoScalingBackend, inst: GroupInstance): void {
  for (const a of inst.actions.values()) backend.timeline.cancel(a.timer);
  inst.actions.clear();
}

/** RecordLifecycleActionHeartbeat: the heartbeat starts again, never past the global timeout. */
export function heartbeat(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, action: PendingAction): void {
  const hook = group.hooks.get(action.hook);
  if (!hook) return;
  action.heartbeatAt = backend.timeline.now() + hook.HeartbeatTimeout! * 1000;
  arm(backend, state, group, inst, action, hook);
}

/** One hook's result: ABANDON ends a launch (or skips the other termination hooks); the last CONTINUE lets the instance go on. */
export function completeAction(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, inst: GroupInstance, hookName: string, result: string): void {
  const action = inst.actions.get(hookName);
  if (!action) return;
  backend.timeline.cancel(action.timer);
  inst.actions.delete(hookName);
  const launching = inst.lifecycle === "Pending:Wait";
  if (result === "ABANDON") {
    cancelActions(backend, inst);
    if (launching) abandonLaunch(backend, state, group, inst, action.token);
    else proceedTermination(backend, state, group, inst);
    return;
  }
  if (inst.actions.size) return;
  if (launching) continueLaunch(backend, state, group, inst);
  else proceedTermination(backend, state, group, inst);
}

/** The action an instance waits on for a hook, found by token or by instance id. */
export function findAction(group: GroupRecord, hookName: string, token: string | undefined, instanceId: string | undefined): { inst: GroupInstance; action: PendingAction } | undefined {
  for (const inst of group.instances.values()) {
    if (instanceId !== undefined && inst.instanceId !== instanceId) continue;
    const action = inst.actions.get(hookName);
    if (action && (token === undefined || action.token === token)) return { inst, action };
  }
  return undefined;
}

