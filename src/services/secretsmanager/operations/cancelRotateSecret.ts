import type { Handler } from "../context.js";
import { changed, writableSecret } from "../domain/secrets.js";

/** Turns automatic rotation off; a secret never configured for rotation (every one here: see RotateSecret) stays as it is. */
export const cancelRotateSecret: Handler<"CancelRotateSecret"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  if (secret.rotation?.enabled) {
    secret.rotation.enabled = false;
    changed(ctx, secret);
  }
  return { ARN: secret.arn, Name: secret.name };
};
