import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { findGroup } from "../domain/groups.js";
import { removeAction } from "../domain/schedule.js";

export const deleteScheduledAction: Handler<"DeleteScheduledAction"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  if (!removeAction(ctx.backend, group, input.ScheduledActionName)) throw asgErrors.validation("Scheduled action name not found");
  return {};
};
