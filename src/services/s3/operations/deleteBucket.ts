import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { isEmpty } from "../domain/objects.js";

/** Only an empty bucket goes: no object, no version, no delete marker left. */
export const deleteBucket: Handler<"DeleteBucket"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  if (!isEmpty(bucket)) throw s3Errors.bucketNotEmpty(bucket.name, bucket.versioning !== undefined);
  ctx.state.buckets.delete(bucket.name);
  return {};
};
