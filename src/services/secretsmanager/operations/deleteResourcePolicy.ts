import type { Handler } from "../context.js";
import { writableSecret } from "../domain/secrets.js";

export const deleteResourcePolicy: Handler<"DeleteResourcePolicy"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  if (secret.policy !== undefined) {
    delete secret.policy;
    secret.lastChangedDate = ctx.now();
  }
  return { ARN: secret.arn, Name: secret.name };
};
