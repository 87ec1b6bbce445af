import type { Handler } from "../context.js";
import { invalidParameter } from "../domain/messages.js";
import { changed, writableSecret } from "../domain/secrets.js";
import { CURRENT, moveStage, removeStage, versionById, versionWithStage } from "../domain/versions.js";
import type { SecretRecord, VersionRecord } from "../store.js";

function version(secret: SecretRecord, versionId: string): VersionRecord {
  const found = versionById(secret, versionId);
  if (!found) throw invalidParameter(`Not a valid version: ${versionId}`);
  return found;
}

export const updateSecretVersionStage: Handler<"UpdateSecretVersionStage"> = (input, ctx) => {
  const stage = input.VersionStage;
  const secret = writableSecret(ctx, input.SecretId);
  if (input.MoveToVersionId === undefined && input.RemoveFromVersionId === undefined) {
    throw invalidParameter("You must specify MoveToVersionId or RemoveFromVersionId.");
  }
  const target = input.MoveToVersionId === undefined ? undefined : version(secret, input.MoveToVersionId);
  const source = input.RemoveFromVersionId === undefined ? undefined : version(secret, input.RemoveFromVersionId);
  const holder = versionWithStage(secret, stage);
  if (source && source !== holder) throw invalidParameter(`Version stage ${stage} not found in version ${source.versionId}`);
  if (target && holder && holder !== target && !source) {
    throw invalidParameter(
      `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
    );
  }
  // Every secret with a value keeps its current version.
  if (stage === CURRENT && !target) throw invalidParameter("You can't remove the staging label AWSCURRENT from a version without moving it to another version.");
  if (target) moveStage(secret, stage, target);
  else removeStage(source!, stage);
  changed(ctx, secret);
  return { ARN: secret.arn, Name: secret.name };
};
