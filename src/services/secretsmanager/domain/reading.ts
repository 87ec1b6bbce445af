// Reading a secret's value: which version a request names, and the value as GetSecretValue answers it.
import { InvalidRequestException } from "../generated/errors.js";
import type { SecretValueEntry } from "../generated/types.js";
import type { SecretRecord, VersionRecord } from "../store.js";
import { noValueForStage, noValueForVersion, STAGE_NOT_ON_VERSION } from "./messages.js";
import { CURRENT, hasValue, versionById, versionWithStage } from "./versions.js";

/** By id, by label, or AWSCURRENT; a version without a value (a secret created without one) is not found. */
export function selectVersion(secret: SecretRecord, versionId?: string, versionStage?: string): VersionRecord {
  if (versionId !== undefined) {
    const version = versionById(secret, versionId);
    if (!version || !hasValue(version)) throw noValueForVersion(versionId);
    if (versionStage !== undefined && !version.stages.includes(versionStage)) throw new InvalidRequestException(STAGE_NOT_ON_VERSION);
    return version;
  }
  const stage = versionStage ?? CURRENT;
  const version = versionWithStage(secret, stage);
  if (!version || !hasValue(version)) throw noValueForStage(stage);
  return version;
}

export function valueEntry(secret: SecretRecord, version: VersionRecord): SecretValueEntry {
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...(version.secretBinary !== undefined ? { SecretBinary: version.secretBinary } : {}),
    ...(version.secretString !== undefined ? { SecretString: version.secretString } : {}),
    // A deprecated version has no labels, and the member is then left out.
    ...(version.stages.length ? { VersionStages: [...version.stages] } : {}),
    CreatedDate: version.createdDate,
  };
}
