import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checksumMembers, checkWrite } from "../domain/checksums.js";
import { findUpload } from "../domain/multipart.js";

/** A part (1–10,000; a part uploaded again under its number replaces it), checked as PutObject's bytes are. */
export const uploadPart: Handler<"UploadPart"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const upload = findUpload(bucket, input.Key, input.UploadId);
  const blobs = ctx.backend.blobs;
  const blob = input.Body ?? blobs.put(Buffer.alloc(0));
  const info = blobs.info(blob);
  const checksums = checkWrite(input, () => blobs.get(blob), info.md5);
  const previous = upload.parts.get(input.PartNumber);
  blobs.retain(blob);
  if (previous) blobs.release(previous.blob);
  upload.parts.set(input.PartNumber, { blob, size: info.size, etag: `"${info.md5}"`, lastModified: Math.floor(ctx.now()), ...(Object.keys(checksums).length ? { checksums } : {}) });
  return {
    ServerSideEncryption: upload.object.serverSideEncryption as never,
    ETag: `"${info.md5}"`,
    ...checksumMembers(checksums, false),
    ...(upload.object.sseKmsKeyId !== undefined ? { SSEKMSKeyId: upload.object.sseKmsKeyId } : {}),
  };
};
