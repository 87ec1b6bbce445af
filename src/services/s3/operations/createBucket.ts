import type { Handler } from "../context.js";
import { bucketArn, DEFAULT_ENCRYPTION, DEFAULT_PUBLIC_ACCESS_BLOCK, validBucketName } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";

/**
 * A bucket in the request's region. Outside us-east-1 the configuration must name that region; in
 * us-east-1 it must name none. Creating a bucket one already owns there answers success again (S3's
 * legacy behaviour in us-east-1), elsewhere BucketAlreadyOwnedByYou. Objects are owned by the bucket
 * owner (BucketOwnerEnforced) since April 2023, so an ACL other than private is refused.
 */
export const createBucket: Handler<"CreateBucket"> = (input, ctx) => {
  const name = input.Bucket;
  if (!validBucketName(name)) throw s3Errors.invalidBucketName(name);
  // ACLs are off (BucketOwnerEnforced) unless the bucket asks for another ownership; only a private ACL fits that.
  const acl = input.ACL;
  if (acl !== undefined && acl !== "private" && (input.ObjectOwnership ?? "BucketOwnerEnforced") === "BucketOwnerEnforced") throw s3Errors.aclWithOwnership();
  const region = ctx.request.region;
  const constraint: string | undefined = input.CreateBucketConfiguration?.LocationConstraint;
  if (constraint === "us-east-1" && region === "us-east-1") throw s3Errors.invalidLocationConstraint(constraint);
  if (region !== "us-east-1" && constraint !== region) throw s3Errors.illegalLocationConstraint(constraint);
  if (region === "us-east-1" && constraint !== undefined) throw s3Errors.illegalLocationConstraint(constraint);
  const existing = ctx.state.buckets.get(name);
  if (existing) {
    if (existing.owner !== ctx.request.accountId) throw s3Errors.bucketAlreadyExists(name);
    if (region !== "us-east-1" || existing.region !== "us-east-1") throw s3Errors.bucketAlreadyOwnedByYou(name);
    return { Location: `/${name}`, BucketArn: bucketArn(name) };
  }
  ctx.state.buckets.set(name, {
    name,
    owner: ctx.request.accountId,
    region,
    creationDate: ctx.now(),
    encryption: structuredClone(DEFAULT_ENCRYPTION),
    publicAccessBlock: { ...DEFAULT_PUBLIC_ACCESS_BLOCK },
    ...(input.CreateBucketConfiguration?.Tags?.length ? { tags: input.CreateBucketConfiguration.Tags } : {}),
    objects: new Map(),
    uploads: new Map(),
  });
  return { Location: region === "us-east-1" ? `/${name}` : `http://${name}.s3.amazonaws.com/`, BucketArn: bucketArn(name) };
};
