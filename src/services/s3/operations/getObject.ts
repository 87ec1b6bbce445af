import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { readVersion } from "../domain/objects.js";
import { objectHeaders } from "../domain/objectView.js";

/** The whole object (a Range header is not honoured: the full body answers it, as HTTP allows). */
export const getObject: Handler<"GetObject"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const v = readVersion(bucket, input.Key, input.VersionId);
  if (v.deleteMarker) throw s3Errors.methodNotAllowed("GET");
  return {
    ...objectHeaders(bucket, v, input.ChecksumMode === "ENABLED"),
    Body: v.blob!,
    ...(input.ResponseContentType !== undefined ? { ContentType: input.ResponseContentType } : {}),
    ...(input.ResponseContentDisposition !== undefined ? { ContentDisposition: input.ResponseContentDisposition } : {}),
    ...(input.ResponseCacheControl !== undefined ? { CacheControl: input.ResponseCacheControl } : {}),
  };
};
