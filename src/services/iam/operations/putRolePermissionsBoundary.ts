import type { Handler } from "../context.js";
import { setBoundary } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

export const putRolePermissionsBoundary: Handler<"PutRolePermissionsBoundary"> = (input, ctx) => {
  setBoundary(ctx.state, modifiableRole(ctx.state, input.RoleName), input.PermissionsBoundary);
  return {};
};
