import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { dropUpload, findUpload } from "../domain/multipart.js";

export const abortMultipartUpload: Handler<"AbortMultipartUpload"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  dropUpload(ctx, bucket, findUpload(bucket, input.Key, input.UploadId));
  return {};
};
