import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { findGroup } from "../domain/groups.js";
import { completeAction, findAction } from "../domain/hooks.js";

/** CONTINUE lets the instance go on once its other hooks are done; ABANDON ends a launch (the instance is terminated). */
export const completeLifecycleAction: Handler<"CompleteLifecycleAction"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = findGroup(state, input.AutoScalingGroupName);
  if (input.LifecycleActionResult !== "CONTINUE" && input.LifecycleActionResult !== "ABANDON") throw asgErrors.validation(`Valid lifecycle action results are: CONTINUE, ABANDON. ${input.LifecycleActionResult} is invalid.`);
  if (input.LifecycleActionToken === undefined && input.InstanceId === undefined) throw asgErrors.validation("Either LifecycleActionToken or InstanceId must be specified.");
  const found = findAction(group, input.LifecycleHookName, input.LifecycleActionToken, input.InstanceId);
  if (!found) {
    throw input.LifecycleActionToken !== undefined
      ? asgErrors.validation(`No active Lifecycle Action found with token ${input.LifecycleActionToken}`)
      : asgErrors.validation(`No active Lifecycle Action found with instance ID ${input.InstanceId}`);
  }
  completeAction(backend, state, group, found.inst, input.LifecycleHookName, input.LifecycleActionResult);
  return {};
};

