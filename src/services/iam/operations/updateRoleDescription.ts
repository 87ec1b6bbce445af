import type { Handler } from "../context.js";
import { findRole, roleView } from "../domain/roles.js";

export const updateRoleDescription: Handler<"UpdateRoleDescription"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  role.description = input.Description;
  return { Role: roleView(role, "get") };
};
