import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checkPolicy } from "../domain/policy.js";

export const putBucketPolicy: Handler<"PutBucketPolicy"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkPolicy(ctx, bucket, input.Policy);
  bucket.policy = input.Policy;
  return {};
};
