import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const deleteBucketTagging: Handler<"DeleteBucketTagging"> = (input, ctx) => {
  delete ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).tags;
  return {};
};
