import type { Handler } from "../context.js";
import { activeSecret } from "../domain/lookup.js";
import { selectVersion, valueEntry } from "../domain/reading.js";
import { accessed } from "../domain/secrets.js";

export const getSecretValue: Handler<"GetSecretValue"> = (input, ctx) => {
  const secret = activeSecret(ctx.state, input.SecretId);
  const version = selectVersion(secret, input.VersionId, input.VersionStage);
  accessed(ctx, secret, version);
  return valueEntry(secret, version);
};
