import type { Handler } from "../context.js";
import { setBoundary } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

export const deleteRolePermissionsBoundary: Handler<"DeleteRolePermissionsBoundary"> = (input, ctx) => {
  setBoundary(ctx.state, modifiableRole(ctx.state, input.RoleName), undefined);
  return {};
};
