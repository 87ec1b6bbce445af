import type { Handler } from "../context.js";
import { notFound } from "../domain/errors.js";
import { modifiableRole } from "../domain/roles.js";

export const deleteRolePolicy: Handler<"DeleteRolePolicy"> = (input, ctx) => {
  const role = modifiableRole(ctx.state, input.RoleName);
  if (!role.inline.delete(input.PolicyName)) throw notFound.rolePolicy(input.PolicyName);
  return {};
};
