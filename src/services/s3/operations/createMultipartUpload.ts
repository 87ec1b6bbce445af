import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { newUploadId } from "../domain/multipart.js";

/** An upload in progress: the object's headers and metadata now, its bytes in parts later. */
export const createMultipartUpload: Handler<"CreateMultipartUpload"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (Buffer.byteLength(input.Key, "utf8") > 1024) throw s3Errors.keyTooLong();
  const rule = bucket.encryption.Rules[0]?.ApplyServerSideEncryptionByDefault;
  const sse = input.ServerSideEncryption ?? rule?.SSEAlgorithm ?? "AES256";
  const kmsKey = sse.startsWith("aws:kms") ? (input.SSEKMSKeyId ?? rule?.KMSMasterKeyID) : undefined;
  const uploadId = newUploadId(ctx);
  bucket.uploads.set(uploadId, {
    uploadId,
    key: input.Key,
    initiated: ctx.now(),
    owner: ctx.request.accountId,
    object: {
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
    },
    parts: new Map(),
  });
  return { Bucket: bucket.name, Key: input.Key, UploadId: uploadId, ServerSideEncryption: sse, ...(kmsKey !== undefined ? { SSEKMSKeyId: kmsKey } : {}) };
};
