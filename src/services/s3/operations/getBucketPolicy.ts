import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

export const getBucketPolicy: Handler<"GetBucketPolicy"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (bucket.policy === undefined) throw s3Errors.noSuchBucketPolicy(bucket.name);
  return { Policy: bucket.policy };
};
