import type { Handler } from "../context.js";
import { activeSecret } from "../domain/lookup.js";

export const getResourcePolicy: Handler<"GetResourcePolicy"> = (input, ctx) => {
  const secret = activeSecret(ctx.state, input.SecretId);
  return { ARN: secret.arn, Name: secret.name, ...(secret.policy !== undefined ? { ResourcePolicy: secret.policy } : {}) };
};
