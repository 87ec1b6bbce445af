import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checkLifecycle } from "../domain/lifecycle.js";
import { s3Errors } from "../domain/errors.js";

/** The rules are kept as given (no object expires here: the clock moves no object). */
export const putBucketLifecycleConfiguration: Handler<"PutBucketLifecycleConfiguration"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const rules = input.LifecycleConfiguration?.Rules;
  if (!rules) throw s3Errors.malformedXml();
  checkLifecycle(rules);
  bucket.lifecycle = rules;
  return { TransitionDefaultMinimumObjectSize: input.TransitionDefaultMinimumObjectSize ?? "all_storage_classes_128K" };
};
