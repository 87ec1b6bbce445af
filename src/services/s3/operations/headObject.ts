import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { readVersion } from "../domain/objects.js";
import { objectHeaders } from "../domain/objectView.js";

export const headObject: Handler<"HeadObject"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const v = readVersion(bucket, input.Key, input.VersionId);
  if (v.deleteMarker) throw s3Errors.methodNotAllowed("HEAD");
  return objectHeaders(bucket, v, input.ChecksumMode === "ENABLED");
};
