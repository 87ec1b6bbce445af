import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

export const getPublicAccessBlock: Handler<"GetPublicAccessBlock"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (!bucket.publicAccessBlock) throw s3Errors.noSuchPublicAccessBlock(bucket.name);
  return { PublicAccessBlockConfiguration: bucket.publicAccessBlock };
};
