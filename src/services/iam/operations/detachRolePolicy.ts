import type { Handler } from "../context.js";
import { detachPolicy } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

export const detachRolePolicy: Handler<"DetachRolePolicy"> = (input, ctx) => {
  detachPolicy(ctx.state, modifiableRole(ctx.state, input.RoleName), input.PolicyArn);
  return {};
};
