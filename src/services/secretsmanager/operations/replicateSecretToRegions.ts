import type { Handler } from "../context.js";
import { replicate } from "../domain/replication.js";
import { writableSecret } from "../domain/secrets.js";

export const replicateSecretToRegions: Handler<"ReplicateSecretToRegions"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  const statuses = replicate(ctx.backend, ctx.state, secret, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret ?? false, ctx.now());
  return { ARN: secret.arn, ReplicationStatus: statuses };
};
