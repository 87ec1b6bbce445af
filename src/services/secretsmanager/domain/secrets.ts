// What the operations that change a secret share: finding one they may change, and recording the change.
import type { SecretsManagerContext } from "../context.js";
import type { SecretRecord, VersionRecord } from "../store.js";
import { activeSecret } from "./lookup.js";
import { replicaOnlyInPrimary } from "./messages.js";
import { noteReplicaAccess, syncReplicas } from "./replication.js";
import { markAccessed } from "./versions.js";

/** A secret the request may change: not scheduled for deletion, and not a replica (changed through its primary). */
export function writableSecret(ctx: SecretsManagerContext, secretId: string): SecretRecord {
  const secret = activeSecret(ctx.state, secretId);
  if (secret.primary) throw replicaOnlyInPrimary();
  return secret;
}

/** After a change: the secret's last-changed date, and its replicas hold the same. */
export function changed(ctx: SecretsManagerContext, secret: SecretRecord): void {
  secret.lastChangedDate = ctx.now();
  syncReplicas(ctx.backend, ctx.state, secret);
}

/** After a read of a version's value. */
export function accessed(ctx: SecretsManagerContext, secret: SecretRecord, version: VersionRecord): void {
  markAccessed(secret, version, ctx.now());
  noteReplicaAccess(ctx.backend, ctx.state, secret);
}
