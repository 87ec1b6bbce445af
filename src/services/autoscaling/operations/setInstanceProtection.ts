import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { setProtection } from "../domain/protection.js";

/** Protected instances are never chosen by a scale-in (they still are replaced when unhealthy). */
export const setInstanceProtection: Handler<"SetInstanceProtection"> = (input, ctx) => {
  setProtection(liveGroup(ctx.state, input.AutoScalingGroupName), input.InstanceIds, input.ProtectedFromScaleIn);
  return {};
};
