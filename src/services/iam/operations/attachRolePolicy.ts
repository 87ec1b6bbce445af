import type { Handler } from "../context.js";
import { attachPolicy } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

export const attachRolePolicy: Handler<"AttachRolePolicy"> = (input, ctx) => {
  attachPolicy(ctx.state, modifiableRole(ctx.state, input.RoleName), "role", input.PolicyArn);
  return {};
};
