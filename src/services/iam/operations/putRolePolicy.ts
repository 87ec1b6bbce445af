import type { Handler } from "../context.js";
import { putInlinePolicy } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

export const putRolePolicy: Handler<"PutRolePolicy"> = (input, ctx) => {
  const role = modifiableRole(ctx.state, input.RoleName);
  putInlinePolicy(role, "role", role.name, input.PolicyName, input.PolicyDocument);
  return {};
};
