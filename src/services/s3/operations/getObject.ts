import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { readVersion } from "../domain/objects.js";
import { objectHeaders } from "../domain/objectView.js";
import { parseRange, sliceRef } from "../domain/range.js";

/** The object, or the one byte range `Range` names (206, with its Content-Range and length). */
export const getObject: Handler<"GetObject"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const v = readVersion(bucket, input.Key, input.VersionId);
  if (v.deleteMarker) throw s3Errors.methodNotAllowed("GET");
  const range = parseRange(input.Range, v.size);
  return {
    // A part of the object has no checksum of the whole to answer.
    ...objectHeaders(bucket, v, input.ChecksumMode === "ENABLED" && !range),
    ...(range ? { ContentLength: range.end - range.start + 1, ContentRange: `bytes ${range.start}-${range.end}/${v.size}` } : {}),
    Body: range ? sliceRef(v.blob!, range) : v.blob!,
    ...(input.ResponseContentType !== undefined ? { ContentType: input.ResponseContentType } : {}),
    ...(input.ResponseContentDisposition !== undefined ? { ContentDisposition: input.ResponseContentDisposition } : {}),
    ...(input.ResponseCacheControl !== undefined ? { CacheControl: input.ResponseCacheControl } : {}),
  };
};
