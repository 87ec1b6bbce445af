import type { Handler } from "../context.js";
import { protectedRole } from "../domain/errors.js";
import { findRole } from "../domain/roles.js";

/** A service-linked role's description may change, its session duration may not. */
export const updateRole: Handler<"UpdateRole"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  if (role.linkedService && input.MaxSessionDuration !== undefined) throw protectedRole(role.name);
  if (input.Description !== undefined) role.description = input.Description;
  if (input.MaxSessionDuration !== undefined) role.maxSessionDuration = input.MaxSessionDuration;
  return {};
};
