import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checksumMembers, checkWrite } from "../domain/checksums.js";
import { s3Errors } from "../domain/errors.js";
import { addVersion, newVersionId, NULL_VERSION } from "../domain/objects.js";
import type { ObjectVersion } from "../store.js";

/** A new version of the key (the only one, unless the bucket keeps versions), encrypted by the bucket's default. */
export const putObject: Handler<"PutObject"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (Buffer.byteLength(input.Key, "utf8") > 1024) throw s3Errors.keyTooLong();
  const blobs = ctx.backend.blobs;
  const blob = input.Body ?? blobs.put(Buffer.alloc(0));
  const info = blobs.info(blob);
  const checksums = checkWrite(input, () => blobs.get(blob), info.md5);
  const rule = bucket.encryption.Rules[0]?.ApplyServerSideEncryptionByDefault;
  const sse = input.ServerSideEncryption ?? rule?.SSEAlgorithm ?? "AES256";
  const kmsKey = sse.startsWith("aws:kms") ? (input.SSEKMSKeyId ?? rule?.KMSMasterKeyID) : undefined;
  const version: ObjectVersion = {
    key: input.Key,
    versionId: bucket.versioning === "Enabled" ? newVersionId(ctx) : NULL_VERSION,
    deleteMarker: false,
    lastModified: Math.floor(ctx.now()),
    blob,
    size: info.size,
    etag: `"${info.md5}"`,
    owner: ctx.request.accountId,
    serverSideEncryption: sse,
    storageClass: input.StorageClass ?? "STANDARD",
    ...(kmsKey !== undefined ? { sseKmsKeyId: kmsKey } : {}),
    ...(input.ContentType !== undefined ? { contentType: input.ContentType } : {}),
    ...(input.ContentEncoding !== undefined ? { contentEncoding: input.ContentEncoding } : {}),
    ...(input.ContentDisposition !== undefined ? { contentDisposition: input.ContentDisposition } : {}),
    ...(input.ContentLanguage !== undefined ? { contentLanguage: input.ContentLanguage } : {}),
    ...(input.CacheControl !== undefined ? { cacheControl: input.CacheControl } : {}),
    ...(input.Expires !== undefined ? { expires: input.Expires } : {}),
    ...(input.Metadata ? { metadata: input.Metadata } : {}),
    ...(Object.keys(checksums).length ? { checksums } : {}),
  };
  addVersion(ctx, bucket, version);
  return {
    ETag: version.etag,
    ...checksumMembers(checksums),
    ServerSideEncryption: sse,
    ...(kmsKey !== undefined ? { SSEKMSKeyId: kmsKey } : {}),
    ...(bucket.versioning === "Enabled" ? { VersionId: version.versionId } : {}),
  };
};
