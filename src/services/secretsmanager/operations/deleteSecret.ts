import type { Handler } from "../context.js";
import { newSecretArn, parseSecretArn } from "../domain/arn.js";
import { removeNow, scheduleDeletion } from "../domain/deletion.js";
import { checkSecretId, lookupSecret } from "../domain/lookup.js";
import { invalidParameter, markedForDeletion, notFound, replicaOnlyInPrimary } from "../domain/messages.js";

const DEFAULT_WINDOW_DAYS = 30;

export const deleteSecret: Handler<"DeleteSecret"> = (input, ctx) => {
  const { state, backend } = ctx;
  const days = input.RecoveryWindowInDays;
  if (days !== undefined && (days < 7 || days > 30)) throw invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
  const force = input.ForceDeleteWithoutRecovery === true;
  if (force && days !== undefined) throw invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  checkSecretId(input.SecretId);
  const secret = lookupSecret(state, input.SecretId);
  const now = ctx.now();
  if (!secret) {
    if (!force) throw notFound();
    // Forced deletion of a secret that is not there answers as if it had been.
    const name = input.SecretId.startsWith("arn:") ? (parseSecretArn(input.SecretId)?.resource.replace(/-[A-Za-z0-9]{6}$/, "") ?? input.SecretId) : input.SecretId;
    const arn = input.SecretId.startsWith("arn:") ? input.SecretId : newSecretArn(state.region, state.accountId, name, backend.ids);
    return { ARN: arn, Name: name, DeletionDate: now };
  }
  if (secret.primary) throw replicaOnlyInPrimary();
  if (secret.replicas?.length) {
    throw invalidParameter(`You can't delete secret ${input.SecretId} that still has replica regions [${secret.replicas.map((r) => r.Region).join(",")}]`);
  }
  if (force) {
    removeNow(backend, state, secret);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: now };
  }
  if (secret.deletedDate !== undefined) throw markedForDeletion();
  const deletionDate = scheduleDeletion(backend, state, secret, now, days ?? DEFAULT_WINDOW_DAYS);
  return { ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate };
};
