// A secret as DescribeSecret and ListSecrets describe it: only the members that have a value.
import type { DescribeSecretResponse, SecretListEntry } from "../generated/types.js";
import type { SecretRecord } from "../store.js";

/** Version id → its labels, for the versions that have any (deprecated ones are left out). */
export function stagesByVersion(secret: SecretRecord): Record<string, string[]> | undefined {
  const staged = secret.versions.filter((v) => v.stages.length > 0);
  return staged.length ? Object.fromEntries(staged.map((v) => [v.versionId, [...v.stages]])) : undefined;
}

/** What DescribeSecret and ListSecrets share. */
function common(secret: SecretRecord, primaryRegion: string | undefined): Omit<SecretListEntry, "SecretVersionsToStages"> {
  const r = secret.rotation;
  return {
    ARN: secret.arn,
    Name: secret.name,
    ...(secret.type !== undefined ? { Type: secret.type } : {}),
    ...(secret.description ? { Description: secret.description } : {}),
    ...(secret.kmsKeyId ? { KmsKeyId: secret.kmsKeyId } : {}),
    ...(r ? { RotationEnabled: r.enabled } : {}),
    ...(r?.lambdaArn ? { RotationLambdaARN: r.lambdaArn } : {}),
    ...(r?.rules ? { RotationRules: { ...r.rules } } : {}),
    LastChangedDate: secret.lastChangedDate,
    ...(secret.lastAccessedDate !== undefined ? { LastAccessedDate: secret.lastAccessedDate } : {}),
    ...(secret.deletedDate !== undefined ? { DeletedDate: secret.deletedDate } : {}),
    ...(secret.tags ? { Tags: secret.tags.map((t) => ({ ...t })) } : {}),
    CreatedDate: secret.createdDate,
    ...(primaryRegion ? { PrimaryRegion: primaryRegion } : {}),
  };
}

/** The Region a replicated secret (a primary with replicas, or a replica) names as its primary's. */
function primaryRegionOf(secret: SecretRecord, region: string): string | undefined {
  if (secret.primary) return secret.primary.region;
  return secret.replicas?.length ? region : undefined;
}

export function describeSecret(secret: SecretRecord, region: string): DescribeSecretResponse {
  const stages = stagesByVersion(secret);
  return {
    ...common(secret, primaryRegionOf(secret, region)),
    ...(stages ? { VersionIdsToStages: stages } : {}),
    ...(secret.replicas?.length ? { ReplicationStatus: secret.replicas.map((s) => ({ ...s })) } : {}),
  };
}

export function listEntry(secret: SecretRecord, region: string): SecretListEntry {
  const stages = stagesByVersion(secret);
  return { ...common(secret, primaryRegionOf(secret, region)), ...(stages ? { SecretVersionsToStages: stages } : {}) };
}
