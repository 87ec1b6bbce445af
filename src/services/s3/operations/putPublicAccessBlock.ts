import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const putPublicAccessBlock: Handler<"PutPublicAccessBlock"> = (input, ctx) => {
  const c = input.PublicAccessBlockConfiguration;
  ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).publicAccessBlock = {
    BlockPublicAcls: c.BlockPublicAcls ?? false,
    IgnorePublicAcls: c.IgnorePublicAcls ?? false,
    BlockPublicPolicy: c.BlockPublicPolicy ?? false,
    RestrictPublicBuckets: c.RestrictPublicBuckets ?? false,
  };
  return {};
};
