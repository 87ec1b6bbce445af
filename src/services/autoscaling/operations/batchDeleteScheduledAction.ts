import type { Handler } from "../context.js";
import type { FailedScheduledUpdateGroupActionRequest } from "../generated/types.js";
import { findGroup } from "../domain/groups.js";
import { removeAction } from "../domain/schedule.js";

/** Names that do not exist are answered as failures; the others are deleted. */
export const batchDeleteScheduledAction: Handler<"BatchDeleteScheduledAction"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  const failed: FailedScheduledUpdateGroupActionRequest[] = [];
  for (const name of input.ScheduledActionNames) {
    if (!removeAction(ctx.backend, group, name)) failed.push({ ScheduledActionName: name, ErrorCode: "ValidationError", ErrorMessage: "Scheduled action name not found" });
  }
  return { FailedScheduledActions: failed };
};
