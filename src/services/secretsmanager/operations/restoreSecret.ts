import type { Handler } from "../context.js";
import { cancelDeletion } from "../domain/deletion.js";
import { findSecret } from "../domain/lookup.js";
import { replicaOnlyInPrimary } from "../domain/messages.js";

export const restoreSecret: Handler<"RestoreSecret"> = (input, ctx) => {
  const secret = findSecret(ctx.state, input.SecretId);
  if (secret.primary) throw replicaOnlyInPrimary();
  if (secret.deletedDate !== undefined) {
    cancelDeletion(ctx.backend, secret);
    delete secret.deletedDate;
    delete secret.deletionDate;
    secret.lastChangedDate = ctx.now();
  }
  return { ARN: secret.arn, Name: secret.name };
};
