import type { Handler } from "../context.js";
import { newSecretArn } from "../domain/arn.js";
import { kmsKey } from "../domain/kms.js";
import { checkName } from "../domain/lookup.js";
import { secretExists, tokenInUse, SCHEDULED_NAME } from "../domain/messages.js";
import { replicate } from "../domain/replication.js";
import { mergeTags } from "../domain/tags.js";
import { requireToken, valueOf } from "../domain/values.js";
import { addVersion, hasValue, sameValue, versionById } from "../domain/versions.js";
import { InvalidRequestException } from "../generated/errors.js";
import type { SecretRecord } from "../store.js";

export const createSecret: Handler<"CreateSecret"> = (input, ctx) => {
  const { state } = ctx;
  checkName(input.Name);
  const value = valueOf(input);
  const token = hasValue(value) ? requireToken(input.ClientRequestToken) : input.ClientRequestToken;
  const existing = state.secrets.get(input.Name);
  if (existing?.deletedDate !== undefined) throw new InvalidRequestException(SCHEDULED_NAME);
  if (existing) {
    // The same request again (its token names a version holding the same value) succeeds and changes nothing.
    const same = token === undefined ? undefined : versionById(existing, token);
    if (!same) throw secretExists(input.Name);
    if (!sameValue(same, value)) throw tokenInUse(token!, existing.arn);
    return { ARN: existing.arn, Name: existing.name, VersionId: same.versionId };
  }
  const tags = input.Tags ? mergeTags(undefined, input.Tags) : undefined;
  const kmsKeyId = kmsKey(input.KmsKeyId);
  const now = ctx.now();
  const secret: SecretRecord = {
    arn: newSecretArn(state.region, state.accountId, input.Name, ctx.backend.ids),
    name: input.Name,
    ...(input.Description ? { description: input.Description } : {}),
    ...(kmsKeyId ? { kmsKeyId } : {}),
    ...(input.Type !== undefined ? { type: input.Type } : {}),
    createdDate: now,
    lastChangedDate: now,
    ...(tags ? { tags } : {}),
    versions: [],
  };
  const version = hasValue(value) ? addVersion(secret, token!, value, now) : undefined;
  const statuses = input.AddReplicaRegions ? replicate(ctx.backend, state, secret, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret ?? false, now) : undefined;
  state.secrets.set(secret.name, secret);
  return { ARN: secret.arn, Name: secret.name, ...(version ? { VersionId: version.versionId } : {}), ...(statuses ? { ReplicationStatus: statuses } : {}) };
};
