// AWS::S3::BucketPolicy: the bucket's policy (PutBucketPolicy), Ref the bucket's name; a new
// document is put in place, another bucket replaces.
import type { ResourceProvider } from "./provider.js";

const text = (doc: unknown): string => (typeof doc === "string" ? doc : JSON.stringify(doc));

export const provider: ResourceProvider = {
  type: "AWS::S3::BucketPolicy",
  operations: { s3: ["PutBucketPolicy", "DeleteBucketPolicy"] },
  attributes: [],
  replaceOn: ["Bucket"],
  create(props, pc) {
    pc.call("s3", "PutBucketPolicy", { Bucket: String(props.Bucket), Policy: text(props.PolicyDocument) });
    return { physicalId: String(props.Bucket), attributes: {} };
  },
  update(props, old, pc) {
    pc.call("s3", "PutBucketPolicy", { Bucket: old.physicalId!, Policy: text(props.PolicyDocument) });
    return { physicalId: old.physicalId!, attributes: {} };
  },
  delete(record, pc) {
    pc.call("s3", "DeleteBucketPolicy", { Bucket: record.physicalId! });
  },
};
