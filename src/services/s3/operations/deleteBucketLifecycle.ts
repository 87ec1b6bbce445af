import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const deleteBucketLifecycle: Handler<"DeleteBucketLifecycle"> = (input, ctx) => {
  delete ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).lifecycle;
  return {};
};
