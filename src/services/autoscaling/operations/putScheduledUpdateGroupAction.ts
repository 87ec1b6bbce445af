import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { makeAction, MAX_SCHEDULED, putAction } from "../domain/schedule.js";

/** Creates or replaces the action of that name; it acts on the server's clock. */
export const putScheduledUpdateGroupAction: Handler<"PutScheduledUpdateGroupAction"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName, asgErrors.groupNotFoundNull);
  const existing = group.scheduled.get(input.ScheduledActionName)?.action;
  if (!existing && group.scheduled.size >= MAX_SCHEDULED) throw asgErrors.limit(`You have reached the limit of ${MAX_SCHEDULED} scheduled actions for the Auto Scaling group.`);
  putAction(backend, state, group, makeAction(backend, state, group, input, existing));
  return {};
};
