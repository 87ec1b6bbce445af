import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

export const deletePublicAccessBlock: Handler<"DeletePublicAccessBlock"> = (input, ctx) => {
  delete ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner).publicAccessBlock;
  return {};
};
