import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

export const getBucketLifecycleConfiguration: Handler<"GetBucketLifecycleConfiguration"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (!bucket.lifecycle) throw s3Errors.noSuchLifecycleConfiguration(bucket.name);
  return { Rules: bucket.lifecycle, TransitionDefaultMinimumObjectSize: "all_storage_classes_128K" };
};
