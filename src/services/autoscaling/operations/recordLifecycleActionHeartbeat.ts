import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { findGroup } from "../domain/groups.js";
import { findAction, heartbeat } from "../domain/hooks.js";

/** The hook's heartbeat timeout starts again (never past its global timeout). */
export const recordLifecycleActionHeartbeat: Handler<"RecordLifecycleActionHeartbeat"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = findGroup(state, input.AutoScalingGroupName);
  if (input.LifecycleActionToken === undefined && input.InstanceId === undefined) throw asgErrors.validation("Either LifecycleActionToken or InstanceId must be specified.");
  const found = findAction(group, input.LifecycleHookName, input.LifecycleActionToken, input.InstanceId);
  if (!found) {
    throw input.LifecycleActionToken !== undefined
      ? asgErrors.validation(`No active Lifecycle Action found with token ${input.LifecycleActionToken}`)
      : asgErrors.validation(`No active Lifecycle Action found with instance ID ${input.InstanceId}`);
  }
  heartbeat(backend, state, group, found.inst, found.action);
  return {};
};
