import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { hookDefaults } from "../domain/hooks.js";
import { checkHook } from "../domain/hookInput.js";

const MAX_HOOKS = 50;

/**
 * Creates a hook or changes the one of that name. Instances launched or terminated afterwards wait
 * on it; notifications (NotificationTargetARN) are kept but not sent: no SNS or SQS here.
 */
export const putLifecycleHook: Handler<"PutLifecycleHook"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const existing = group.hooks.get(input.LifecycleHookName);
  checkHook(input);
  if (!existing && input.LifecycleTransition === undefined) throw asgErrors.validation("LifecycleTransition must be specified when creating a lifecycle hook.");
  if (!existing && group.hooks.size >= MAX_HOOKS) throw asgErrors.limit(`You have reached the limit of ${MAX_HOOKS} lifecycle hooks for the Auto Scaling group.`);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const base = existing ? { ...existing, ...given } : { ...given };
  delete (base as Record<string, unknown>).GlobalTimeout;
  group.hooks.set(input.LifecycleHookName, hookDefaults({ ...base, AutoScalingGroupName: group.name }));
  return {};
};
