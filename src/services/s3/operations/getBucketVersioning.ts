import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const getBucketVersioning: Handler<"GetBucketVersioning"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return bucket.versioning ? { Status: bucket.versioning } : {};
};
