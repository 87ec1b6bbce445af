import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { addVersion, newVersionId, NULL_VERSION } from "../domain/objects.js";
import { dropUpload, findUpload, multipartEtag, partsToJoin } from "../domain/multipart.js";
import type { ObjectVersion } from "../store.js";

/** The object made of the listed parts, in order; the upload and its unlisted parts are gone. */
export const completeMultipartUpload: Handler<"CompleteMultipartUpload"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const upload = findUpload(bucket, input.Key, input.UploadId);
  const listed = input.MultipartUpload?.Parts ?? [];
  if (listed.length === 0) throw s3Errors.malformedXml();
  const parts = partsToJoin(upload, listed);
  const blobs = ctx.backend.blobs;
  const blob = blobs.put(Buffer.concat(parts.map((p) => blobs.get(p.blob))));
  const version: ObjectVersion = {
    ...upload.object,
    key: upload.key,
    versionId: bucket.versioning === "Enabled" ? newVersionId(ctx) : NULL_VERSION,
    deleteMarker: false,
    lastModified: Math.floor(ctx.now()),
    blob,
    size: blobs.info(blob).size,
    etag: multipartEtag(parts),
    owner: upload.owner,
  };
  addVersion(ctx, bucket, version);
  dropUpload(ctx, bucket, upload);
  return {
    Location: `http://${bucket.name}.s3.amazonaws.com/${encodeURIComponent(upload.key).replace(/%2F/g, "/")}`,
    Bucket: bucket.name,
    Key: upload.key,
    ETag: version.etag,
    ServerSideEncryption: version.serverSideEncryption as never,
    ...(version.sseKmsKeyId !== undefined ? { SSEKMSKeyId: version.sseKmsKeyId } : {}),
    ...(bucket.versioning === "Enabled" ? { VersionId: version.versionId } : {}),
  };
};
