import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { FailedScheduledUpdateGroupActionRequest } from "../generated/types.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { makeAction, MAX_SCHEDULED, putAction } from "../domain/schedule.js";

/** Each action is put on its own; those refused are answered in FailedScheduledUpdateGroupActions. */
export const batchPutScheduledUpdateGroupAction: Handler<"BatchPutScheduledUpdateGroupAction"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName, asgErrors.groupNotFoundNull);
  const failed: FailedScheduledUpdateGroupActionRequest[] = [];
  for (const req of input.ScheduledUpdateGroupActions) {
    try {
      const existing = group.scheduled.get(req.ScheduledActionName)?.action;
      if (!existing && group.scheduled.size >= MAX_SCHEDULED) throw asgErrors.limit(`You have reached the limit of ${MAX_SCHEDULED} scheduled actions for the Auto Scaling group.`);
      putAction(backend, state, group, makeAction(backend, state, group, req, existing));
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
      failed.push({ ScheduledActionName: req.ScheduledActionName, ErrorCode: e.code, ErrorMessage: e.message });
    }
  }
  return { FailedScheduledUpdateGroupActions: failed };
};
