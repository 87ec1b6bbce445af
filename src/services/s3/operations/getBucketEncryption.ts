import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const getBucketEncryption: Handler<"GetBucketEncryption"> = (input, ctx) => ({
  ServerSideEncryptionConfiguration: ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).encryption,
});
