// AWS::S3::Bucket's configuration properties in the API's shapes: CloudFormation names some of them
// its own way (BucketEncryption's ServerSideEncryptionConfiguration list, lifecycle rules with
// ExpirationInDays and a Prefix), which S3's Put… operations take as the User Guide's XML does.
type Json = Record<string, any>;

export function encryptionInput(bucketEncryption: Json): Json {
  return {
    Rules: (bucketEncryption.ServerSideEncryptionConfiguration ?? []).map((r: Json) => ({
      ...(r.ServerSideEncryptionByDefault ? { ApplyServerSideEncryptionByDefault: r.ServerSideEncryptionByDefault } : {}),
      ...(r.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: r.BucketKeyEnabled === true || r.BucketKeyEnabled === "true" } : {}),
    })),
  };
}

const days = (v: unknown): number => Number(v);

function filterOf(rule: Json): Json {
  const tags = (rule.TagFilters ?? []) as Json[];
  const size = { ...(rule.ObjectSizeGreaterThan !== undefined ? { ObjectSizeGreaterThan: Number(rule.ObjectSizeGreaterThan) } : {}), ...(rule.ObjectSizeLessThan !== undefined ? { ObjectSizeLessThan: Number(rule.ObjectSizeLessThan) } : {}) };
  if (tags.length === 0 && Object.keys(size).length === 0) return { Prefix: rule.Prefix ?? "" };
  if (tags.length === 1 && rule.Prefix === undefined && Object.keys(size).length === 0) return { Tag: tags[0] };
  return { And: { ...(rule.Prefix !== undefined ? { Prefix: rule.Prefix } : {}), ...(tags.length ? { Tags: tags } : {}), ...size } };
}

function ruleInput(rule: Json): Json {
  const expiration = {
    ...(rule.ExpirationInDays !== undefined ? { Days: days(rule.ExpirationInDays) } : {}),
    ...(rule.ExpirationDate !== undefined ? { Date: Date.parse(rule.ExpirationDate) / 1000 } : {}),
    ...(rule.ExpiredObjectDeleteMarker !== undefined ? { ExpiredObjectDeleteMarker: rule.ExpiredObjectDeleteMarker === true || rule.ExpiredObjectDeleteMarker === "true" } : {}),
  };
  const noncurrentDays = rule.NoncurrentVersionExpiration?.NoncurrentDays ?? rule.NoncurrentVersionExpirationInDays;
  const transitions = [...(rule.Transitions ?? []), ...(rule.Transition ? [rule.Transition] : [])];
  const noncurrentTransitions = [...(rule.NoncurrentVersionTransitions ?? []), ...(rule.NoncurrentVersionTransition ? [rule.NoncurrentVersionTransition] : [])];
  return {
    ...(rule.Id !== undefined ? { ID: rule.Id } : {}),
    Status: rule.Status,
    Filter: filterOf(rule),
    ...(Object.keys(expiration).length ? { Expiration: expiration } : {}),
    ...(transitions.length
      ? { Transitions: transitions.map((t: Json) => ({ StorageClass: t.StorageClass, ...(t.TransitionInDays !== undefined ? { Days: days(t.TransitionInDays) } : {}), ...(t.TransitionDate !== undefined ? { Date: Date.parse(t.TransitionDate) / 1000 } : {}) })) }
      : {}),
    ...(noncurrentDays !== undefined
      ? { NoncurrentVersionExpiration: { NoncurrentDays: days(noncurrentDays), ...(rule.NoncurrentVersionExpiration?.NewerNoncurrentVersions !== undefined ? { NewerNoncurrentVersions: Number(rule.NoncurrentVersionExpiration.NewerNoncurrentVersions) } : {}) } }
      : {}),
    ...(noncurrentTransitions.length
      ? { NoncurrentVersionTransitions: noncurrentTransitions.map((t: Json) => ({ StorageClass: t.StorageClass, NoncurrentDays: days(t.TransitionInDays), ...(t.NewerNoncurrentVersions !== undefined ? { NewerNoncurrentVersions: Number(t.NewerNoncurrentVersions) } : {}) })) }
      : {}),
    ...(rule.AbortIncompleteMultipartUpload ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: days(rule.AbortIncompleteMultipartUpload.DaysAfterInitiation) } } : {}),
  };
}

export const lifecycleInput = (config: Json): Json => ({ Rules: (config.Rules ?? []).map(ruleInput) });

const truthy = (v: unknown): boolean => v === true || v === "true";

export const publicAccessBlockInput = (c: Json): Json => ({
  BlockPublicAcls: truthy(c.BlockPublicAcls),
  IgnorePublicAcls: truthy(c.IgnorePublicAcls),
  BlockPublicPolicy: truthy(c.BlockPublicPolicy),
  RestrictPublicBuckets: truthy(c.RestrictPublicBuckets),
});

/** CloudFormation's canned ACL names (`Private`, `PublicRead`…) as the API's (`private`, `public-read`…). */
export const cannedAcl = (name: string): string => name.replace(/^Aws/, "aws").replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

/** What the bucket's configuration properties ecs-local applies; others fail the resource. */
export const SUPPORTED = new Set(["BucketName", "AccessControl", "BucketEncryption", "PublicAccessBlockConfiguration", "VersioningConfiguration", "LifecycleConfiguration", "Tags", "OwnershipControls"]);
