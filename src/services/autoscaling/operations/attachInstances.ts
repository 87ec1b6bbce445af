import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { attach } from "../domain/membership.js";

/** Running instances join the group (desired capacity grows with them) and go InService at the next turn. */
export const attachInstances: Handler<"AttachInstances"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  attach(ctx.backend, ctx.state, group, input.InstanceIds ?? []);
  return {};
};
