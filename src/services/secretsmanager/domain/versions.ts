// Versions and their staging labels. A label is on at most one version; AWSCURRENT leaving a
// version puts AWSPREVIOUS there; a version without labels is deprecated, and old deprecated
// versions go once a secret has more than 100.
import type { SecretRecord, VersionRecord } from "../store.js";

export const CURRENT = "AWSCURRENT";
export const PREVIOUS = "AWSPREVIOUS";

/** Secrets Manager keeps 100 versions, but every version created in the last 24 hours. */
const KEPT_VERSIONS = 100;
const DAY = 86_400;

export interface NewValue {
  secretString?: string;
  secretBinary?: string;
}

export function hasValue(v: NewValue): boolean {
  return v.secretString !== undefined || v.secretBinary !== undefined;
}

export function versionById(secret: SecretRecord, versionId: string): VersionRecord | undefined {
  return secret.versions.find((v) => v.versionId === versionId);
}

export function versionWithStage(secret: SecretRecord, stage: string): VersionRecord | undefined {
  return secret.versions.find((v) => v.stages.includes(stage));
}

export function sameValue(version: VersionRecord, value: NewValue): boolean {
  return version.secretString === value.secretString && version.secretBinary === value.secretBinary;
}

function addStage(version: VersionRecord, stage: string): void {
  if (!version.stages.includes(stage)) version.stages = [...version.stages, stage].sort();
}

export function removeStage(version: VersionRecord, stage: string): void {
  version.stages = version.stages.filter((s) => s !== stage);
}

/**
 * Puts `stage` on `target`, taking it from the version that holds it; AWSCURRENT taken from a
 * version leaves AWSPREVIOUS there.
 */
export function moveStage(secret: SecretRecord, stage: string, target: VersionRecord): void {
  const holder = versionWithStage(secret, stage);
  if (holder === target) return;
  if (holder) removeStage(holder, stage);
  addStage(target, stage);
  if (stage === CURRENT && holder) moveStage(secret, PREVIOUS, holder);
}

/**
 * A new version with its labels (AWSCURRENT when none are named, and always for a secret's first
 * version), then the oldest deprecated versions beyond what Secrets Manager keeps.
 */
export function addVersion(secret: SecretRecord, versionId: string, value: NewValue, now: number, stages?: string[]): VersionRecord {
  const first = secret.versions.length === 0;
  const version: VersionRecord = { versionId, ...value, stages: [], createdDate: now, ...(secret.kmsKeyId ? { kmsKeyId: secret.kmsKeyId } : {}) };
  secret.versions.push(version);
  const labels = new Set(stages ?? [CURRENT]);
  if (first) labels.add(CURRENT);
  // AWSCURRENT first: the AWSPREVIOUS it leaves behind must not take a label this call names.
  if (labels.has(CURRENT)) moveStage(secret, CURRENT, version);
  for (const stage of labels) if (stage !== CURRENT) moveStage(secret, stage, version);
  pruneDeprecated(secret, now);
  return version;
}

function pruneDeprecated(secret: SecretRecord, now: number): void {
  let excess = secret.versions.length - KEPT_VERSIONS;
  if (excess <= 0) return;
  secret.versions = secret.versions.filter((v) => {
    if (excess <= 0 || v.stages.length > 0 || v.createdDate > now - DAY) return true;
    excess--;
    return false;
  });
}

/** Midnight UTC of the day: Secrets Manager keeps last-accessed dates to the day. */
export function dayOf(now: number): number {
  return Math.floor(now / DAY) * DAY;
}

/** A read of the version: the secret's and the version's last-accessed day. */
export function markAccessed(secret: SecretRecord, version: VersionRecord, now: number): void {
  secret.lastAccessedDate = version.lastAccessedDate = dayOf(now);
}
