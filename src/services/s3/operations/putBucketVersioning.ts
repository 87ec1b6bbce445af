import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

/** Versioning is Enabled or Suspended; once enabled a bucket never returns to unversioned. */
export const putBucketVersioning: Handler<"PutBucketVersioning"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const status = input.VersioningConfiguration.Status;
  if (status === undefined) throw s3Errors.malformedXml();
  bucket.versioning = status;
  return {};
};
