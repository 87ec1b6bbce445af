import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { findGroup } from "../domain/groups.js";
import { completeAction } from "../domain/hooks.js";

/** Instances waiting on the hook go on as if it answered CONTINUE. */
export const deleteLifecycleHook: Handler<"DeleteLifecycleHook"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = findGroup(state, input.AutoScalingGroupName);
  if (!group.hooks.has(input.LifecycleHookName)) throw asgErrors.validation(`No Lifecycle Hook found with name ${input.LifecycleHookName} for group ${group.name}`);
  group.hooks.delete(input.LifecycleHookName);
  for (const inst of [...group.instances.values()]) if (inst.actions.has(input.LifecycleHookName)) completeAction(backend, state, group, inst, input.LifecycleHookName, "CONTINUE");
  return {};
};
