import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";

/** The group's hooks, or those named (unknown names left out). */
export const describeLifecycleHooks: Handler<"DescribeLifecycleHooks"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  const names = input.LifecycleHookNames;
  const hooks = [...group.hooks.values()].filter((h) => !names?.length || names.includes(h.LifecycleHookName!));
  return { LifecycleHooks: structuredClone(hooks) };
};
