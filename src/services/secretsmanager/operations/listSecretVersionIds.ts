import type { Handler } from "../context.js";
import { DEFAULT_KEY_NAME } from "../domain/kms.js";
import { findSecret } from "../domain/lookup.js";
import { page } from "../domain/pagination.js";
import type { SecretVersionsListEntry } from "../generated/types.js";

export const listSecretVersionIds: Handler<"ListSecretVersionIds"> = (input, ctx) => {
  const secret = findSecret(ctx.state, input.SecretId);
  const versions = secret.versions.filter((v) => input.IncludeDeprecated || v.stages.length > 0);
  const p = page(versions, input.NextToken, input.MaxResults ?? 100);
  const entries: SecretVersionsListEntry[] = p.items.map((v) => ({
    VersionId: v.versionId,
    ...(v.stages.length ? { VersionStages: [...v.stages] } : {}),
    ...(v.lastAccessedDate !== undefined ? { LastAccessedDate: v.lastAccessedDate } : {}),
    CreatedDate: v.createdDate,
    KmsKeyIds: [v.kmsKeyId ?? DEFAULT_KEY_NAME],
  }));
  return { Versions: entries, ...(p.nextToken ? { NextToken: p.nextToken } : {}), ARN: secret.arn, Name: secret.name };
};
