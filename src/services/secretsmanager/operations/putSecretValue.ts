import type { Handler } from "../context.js";
import { checkSecretId } from "../domain/lookup.js";
import { tokenInUse, NO_VALUE } from "../domain/messages.js";
import { changed, writableSecret } from "../domain/secrets.js";
import { requireToken, valueOf } from "../domain/values.js";
import { addVersion, hasValue, sameValue, versionById } from "../domain/versions.js";
import { InvalidRequestException } from "../generated/errors.js";

export const putSecretValue: Handler<"PutSecretValue"> = (input, ctx) => {
  checkSecretId(input.SecretId);
  const token = requireToken(input.ClientRequestToken);
  const value = valueOf(input);
  if (!hasValue(value)) throw new InvalidRequestException(NO_VALUE);
  const secret = writableSecret(ctx, input.SecretId);
  const existing = versionById(secret, token);
  if (existing) {
    // A retry of the same request: nothing changes, the version is answered as it stands.
    if (!sameValue(existing, value)) throw tokenInUse(token, secret.arn);
    return { ARN: secret.arn, Name: secret.name, VersionId: existing.versionId, VersionStages: [...existing.stages] };
  }
  const version = addVersion(secret, token, value, ctx.now(), input.VersionStages);
  changed(ctx, secret);
  return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: [...version.stages] };
};
