// Object versions: what a write, a read and a delete do to a key's versions under the bucket's
// versioning state (never enabled, Enabled, Suspended), as the S3 User Guide's "Working with objects
// in a versioning-enabled bucket" and "…versioning-suspended bucket" describe.
import type { S3Context } from "../context.js";
import type { BucketRecord, ObjectVersion } from "../store.js";
import { s3Errors } from "./errors.js";

/** The version id of what is written while versioning is off or suspended. */
export const NULL_VERSION = "null";

export function latestVersion(bucket: BucketRecord, key: string): ObjectVersion | undefined {
  return bucket.objects.get(key)?.[0];
}

/** A new version id: 32 URL-safe characters, as S3's look. */
export function newVersionId(ctx: S3Context): string {
  return ctx.backend.ids.bytes(24).toString("base64").replace(/\+/g, ".").replace(/\//g, "_");
}

/** The version a read names (VersionId) or the latest; NoSuchKey/NoSuchVersion when absent. */
export function readVersion(bucket: BucketRecord, key: string, versionId: string | undefined): ObjectVersion {
  const versions = bucket.objects.get(key);
  if (versionId === undefined) {
    const latest = versions?.[0];
    if (!latest || latest.deleteMarker) throw Object.assign(s3Errors.noSuchKey(key), latest ? { deleteMarker: true } : {});
    return latest;
  }
  const found = versions?.find((v) => v.versionId === versionId);
  if (!found) throw s3Errors.noSuchVersion(key, versionId);
  return found;
}

/** Drops a version for good, freeing its bytes. */
function drop(ctx: S3Context, bucket: BucketRecord, key: string, versionId: string): ObjectVersion | undefined {
  const versions = bucket.objects.get(key);
  const i = versions?.findIndex((v) => v.versionId === versionId) ?? -1;
  if (!versions || i < 0) return undefined;
  const [gone] = versions.splice(i, 1);
  if (gone.blob !== undefined) ctx.backend.blobs.release(gone.blob);
  if (versions.length === 0) bucket.objects.delete(key);
  return gone;
}

/** Adds a version as the latest: versioned buckets keep the others; otherwise it replaces the null version. */
export function addVersion(ctx: S3Context, bucket: BucketRecord, version: ObjectVersion): void {
  if (bucket.versioning !== "Enabled") drop(ctx, bucket, version.key, NULL_VERSION);
  if (version.blob !== undefined) ctx.backend.blobs.retain(version.blob);
  const versions = bucket.objects.get(version.key);
  if (versions) versions.unshift(version);
  else bucket.objects.set(version.key, [version]);
}

export interface DeleteResult {
  deleteMarker?: boolean;
  versionId?: string;
}

/**
 * DeleteObject: a named version goes for good; otherwise an unversioned key goes, and a versioned
 * (or suspended) bucket gets a delete marker as the latest version. A key that is not there is no error.
 */
export function deleteObject(ctx: S3Context, bucket: BucketRecord, key: string, versionId: string | undefined): DeleteResult {
  if (versionId !== undefined) {
    const gone = drop(ctx, bucket, key, versionId);
    return { versionId, ...(gone?.deleteMarker ? { deleteMarker: true } : {}) };
  }
  if (bucket.versioning === undefined) {
    drop(ctx, bucket, key, NULL_VERSION);
    return {};
  }
  const marker: ObjectVersion = {
    key,
    versionId: bucket.versioning === "Enabled" ? newVersionId(ctx) : NULL_VERSION,
    deleteMarker: true,
    lastModified: ctx.now(),
    size: 0,
    etag: "",
    owner: ctx.request.accountId,
    serverSideEncryption: "",
    storageClass: "STANDARD",
  };
  addVersion(ctx, bucket, marker);
  return { deleteMarker: true, versionId: marker.versionId };
}

/** Whether any version (a delete marker too) is left. */
export const isEmpty = (bucket: BucketRecord): boolean => bucket.objects.size === 0;
