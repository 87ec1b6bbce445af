import type { Handler } from "../context.js";
import { ActiveInstanceRefreshNotFoundFault } from "../generated/errors.js";
import { liveGroup } from "../domain/groups.js";
import { activeRefresh, scheduleStep } from "../domain/refresh.js";

/** The refresh stops replacing (Cancelling, then Cancelled at the next turn); instances already replaced stay. */
export const cancelInstanceRefresh: Handler<"CancelInstanceRefresh"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const rec = activeRefresh(group);
  if (!rec || rec.refresh.Status === "Cancelling") throw new ActiveInstanceRefreshNotFoundFault(`No in progress or pending Instance Refresh found for Auto Scaling group ${group.name}`);
  rec.refresh.Status = "Cancelling";
  scheduleStep(ctx.backend, ctx.state, group, rec, ctx.backend.timeline.now());
  return { InstanceRefreshId: rec.refresh.InstanceRefreshId };
};
