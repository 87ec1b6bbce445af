import type { Handler } from "../context.js";
import { activeSecret } from "../domain/lookup.js";
import { grantsBroadAccess, parsePolicy } from "../domain/policy.js";

export const validateResourcePolicy: Handler<"ValidateResourcePolicy"> = (input, ctx) => {
  if (input.SecretId !== undefined) activeSecret(ctx.state, input.SecretId);
  const statements = parsePolicy(input.ResourcePolicy);
  if (!grantsBroadAccess(statements)) return { PolicyValidationPassed: true, ValidationErrors: [] };
  return {
    PolicyValidationPassed: false,
    ValidationErrors: [{ CheckName: "BROAD_ACCESS", ErrorMessage: "The resource policy grants access to any principal (\"*\") without a condition." }],
  };
};
