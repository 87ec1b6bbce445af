import type { Handler } from "../context.js";
import { activeSecret } from "../domain/lookup.js";
import { invalidParameter } from "../domain/messages.js";
import { promote } from "../domain/replication.js";

export const stopReplicationToReplica: Handler<"StopReplicationToReplica"> = (input, ctx) => {
  const secret = activeSecret(ctx.state, input.SecretId);
  if (!secret.primary) throw invalidParameter("The secret isn't a replica secret. Call StopReplicationToReplica in the Region of a replica.");
  promote(ctx.backend, ctx.state, secret);
  secret.lastChangedDate = ctx.now();
  return { ARN: secret.arn };
};
