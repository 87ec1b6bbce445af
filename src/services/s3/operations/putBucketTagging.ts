import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checkTags } from "../domain/tags.js";

export const putBucketTagging: Handler<"PutBucketTagging"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  checkTags(input.Tagging.TagSet);
  bucket.tags = input.Tagging.TagSet;
  return {};
};
