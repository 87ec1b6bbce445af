import type { Handler } from "../context.js";
import { bucketArn, ownBucket } from "../domain/buckets.js";

export const headBucket: Handler<"HeadBucket"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return { BucketRegion: bucket.region, AccessPointAlias: false, BucketArn: bucketArn(bucket.name) };
};
