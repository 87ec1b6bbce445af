import type { Handler } from "../context.js";
import { grantsBroadAccess, parsePolicy } from "../domain/policy.js";
import { writableSecret } from "../domain/secrets.js";
import { PublicPolicyException } from "../generated/errors.js";

export const putResourcePolicy: Handler<"PutResourcePolicy"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  const statements = parsePolicy(input.ResourcePolicy);
  if (input.BlockPublicPolicy && grantsBroadAccess(statements)) {
    throw new PublicPolicyException("The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.");
  }
  secret.policy = input.ResourcePolicy;
  secret.lastChangedDate = ctx.now();
  return { ARN: secret.arn, Name: secret.name };
};
