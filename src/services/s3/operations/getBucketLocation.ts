import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";

/** us-east-1 buckets answer an empty LocationConstraint (the API reference: "Buckets in Region us-east-1 have a LocationConstraint of null"). */
export const getBucketLocation: Handler<"GetBucketLocation"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  return bucket.region === "us-east-1" ? {} : { LocationConstraint: bucket.region as never };
};
