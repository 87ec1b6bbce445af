import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

export const putBucketEncryption: Handler<"PutBucketEncryption"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const rules = input.ServerSideEncryptionConfiguration.Rules;
  if (!rules?.length) throw s3Errors.malformedXml();
  for (const r of rules) {
    const d = r.ApplyServerSideEncryptionByDefault;
    if (d?.KMSMasterKeyID !== undefined && d.SSEAlgorithm === "AES256") throw s3Errors.invalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse", "ApplyServerSideEncryptionByDefault", "null");
  }
  bucket.encryption = input.ServerSideEncryptionConfiguration;
  return {};
};
