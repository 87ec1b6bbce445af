import type { Handler } from "../context.js";
import { checkTrustPolicy, modifiableRole } from "../domain/roles.js";

export const updateAssumeRolePolicy: Handler<"UpdateAssumeRolePolicy"> = (input, ctx) => {
  const role = modifiableRole(ctx.state, input.RoleName);
  checkTrustPolicy(input.PolicyDocument);
  role.trustPolicy = input.PolicyDocument;
  return {};
};
