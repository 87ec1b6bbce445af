// Deletion with a recovery window: the secret stays (described, listed on request, restorable) until
// the window ends, then the clock removes it; a forced deletion removes it at once.
import type { SecretsManagerBackend } from "../context.js";
import type { SecretRecord, SecretsManagerState } from "../store.js";
import { defineTimer } from "../../../engine/timers.js";

const DAY = 86_400;

/** Marks the secret deleted now and arranges its removal when the window of `days` ends; answers that moment. */
export function scheduleDeletion(backend: SecretsManagerBackend, state: SecretsManagerState, secret: SecretRecord, now: number, days: number): number {
  secret.deletedDate = now;
  secret.deletionDate = now + days * DAY;
  cancelDeletion(backend, secret);
  backend.deletions.set(secret, backend.timeline.call(secret.deletionDate * 1000, REMOVE, backend, state, secret));
  return secret.deletionDate;
}

const REMOVE = defineTimer("secretsmanager.removeDeleted", (backend: SecretsManagerBackend, state: SecretsManagerState, secret: SecretRecord) => {
  backend.deletions.delete(secret);
  // A secret restored, or removed and recreated under its name since, is not this deletion's.
  if (state.secrets.get(secret.name) === secret && secret.deletedDate !== undefined) state.secrets.delete(secret.name);
});

export function cancelDeletion(backend: SecretsManagerBackend, secret: SecretRecord): void {
  backend.timeline.cancel(backend.deletions.get(secret));
  backend.deletions.delete(secret);
}

export function removeNow(backend: SecretsManagerBackend, state: SecretsManagerState, secret: SecretRecord): void {
  cancelDeletion(backend, secret);
  if (state.secrets.get(secret.name) === secret) state.secrets.delete(secret.name);
}
