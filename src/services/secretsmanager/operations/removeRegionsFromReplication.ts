import type { Handler } from "../context.js";
import { removeReplicas } from "../domain/replication.js";
import { writableSecret } from "../domain/secrets.js";

export const removeRegionsFromReplication: Handler<"RemoveRegionsFromReplication"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  removeReplicas(ctx.backend, ctx.state, secret, input.RemoveReplicaRegions);
  return { ARN: secret.arn, ReplicationStatus: (secret.replicas ?? []).map((s) => ({ ...s })) };
};
