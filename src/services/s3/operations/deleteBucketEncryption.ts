import type { Handler } from "../context.js";
import { DEFAULT_ENCRYPTION, ownBucket } from "../domain/buckets.js";

/** The bucket goes back to S3's default, SSE-S3: every bucket is encrypted. */
export const deleteBucketEncryption: Handler<"DeleteBucketEncryption"> = (input, ctx) => {
  ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).encryption = structuredClone(DEFAULT_ENCRYPTION);
  return {};
};
