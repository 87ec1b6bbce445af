import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { deleteLinkedRole } from "../domain/deletionTasks.js";
import { findRole } from "../domain/roles.js";

/** Submits the deletion; GetServiceLinkedRoleDeletionStatus follows it. A second request while it runs answers the same task. */
export const deleteServiceLinkedRole: Handler<"DeleteServiceLinkedRole"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  if (!role.linkedService) throw commonErrors.validation(`Role ${role.name} is not a service-linked role.`);
  return { DeletionTaskId: deleteLinkedRole(ctx, role) };
};
