import type { Handler } from "../context.js";
import { kmsKey } from "../domain/kms.js";
import { checkSecretId } from "../domain/lookup.js";
import { tokenInUse } from "../domain/messages.js";
import { changed, writableSecret } from "../domain/secrets.js";
import { requireToken, valueOf } from "../domain/values.js";
import { addVersion, hasValue, sameValue, versionById } from "../domain/versions.js";

export const updateSecret: Handler<"UpdateSecret"> = (input, ctx) => {
  checkSecretId(input.SecretId);
  const value = valueOf(input);
  const token = hasValue(value) ? requireToken(input.ClientRequestToken) : undefined;
  const secret = writableSecret(ctx, input.SecretId);
  const kmsKeyId = input.KmsKeyId === undefined ? secret.kmsKeyId : kmsKey(input.KmsKeyId);
  const existing = token === undefined ? undefined : versionById(secret, token);
  if (existing && !sameValue(existing, value)) throw tokenInUse(token!, secret.arn);
  if (input.Description !== undefined) secret.description = input.Description || undefined;
  if (input.Type !== undefined) secret.type = input.Type;
  if (kmsKeyId) secret.kmsKeyId = kmsKeyId;
  else delete secret.kmsKeyId;
  // A retry of the same value under the same token makes no second version.
  const version = existing ?? (token !== undefined ? addVersion(secret, token, value, ctx.now()) : undefined);
  changed(ctx, secret);
  return { ARN: secret.arn, Name: secret.name, ...(version ? { VersionId: version.versionId } : {}) };
};
