import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const deleteBucketPolicy: Handler<"DeleteBucketPolicy"> = (input, ctx) => {
  delete ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).policy;
  return {};
};
