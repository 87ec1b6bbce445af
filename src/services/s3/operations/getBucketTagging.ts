import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

export const getBucketTagging: Handler<"GetBucketTagging"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (!bucket.tags?.length) throw s3Errors.noSuchTagSet(bucket.name);
  return { TagSet: bucket.tags };
};
