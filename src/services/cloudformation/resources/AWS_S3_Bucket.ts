// AWS::S3::Bucket: Ref is the bucket's name (generated, lowercase, as `<stack>-<logicalid>-<random>`
// when not given); encryption, public access block, versioning, lifecycle and tags are set after the
// create through S3's own operations and updated in place; BucketName replaces.
import { AwsError } from "../../../protocol/errors.js";
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";
import { cannedAcl, encryptionInput, lifecycleInput, publicAccessBlockInput, SUPPORTED } from "./s3BucketConfig.js";

type Json = Record<string, any>;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The attributes CloudFormation documents, from the name and region. */
function attributes(name: string, region: string): Record<string, string> {
  const oldWebsite = ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"].includes(region);
  return {
    Arn: `arn:aws:s3:::${name}`,
    DomainName: `${name}.s3.amazonaws.com`,
    RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
    DualStackDomainName: `${name}.s3.dualstack.${region}.amazonaws.com`,
    WebsiteURL: `http://${name}.s3-website${oldWebsite ? "-" : "."}${region}.amazonaws.com`,
  };
}

function checkSupported(props: Json): void {
  const other = Object.keys(props).filter((p) => !SUPPORTED.has(p));
  if (other.length) throw new AwsError("InvalidRequest", `ecs-local does not support the AWS::S3::Bucket properties ${other.join(", ")} yet.`, 400);
  const rules = props.OwnershipControls?.Rules ?? [];
  if (rules.some((r: Json) => r.ObjectOwnership !== "BucketOwnerEnforced")) throw new AwsError("InvalidRequest", "ecs-local does not support object ownership other than BucketOwnerEnforced yet.", 400);
}

/** Applies each configuration property that differs from `old` (all of them on a create). */
function configure(name: string, props: Json, old: Json, pc: ProviderContext, created: boolean): void {
  if (created || !same(props.BucketEncryption, old.BucketEncryption)) {
    if (props.BucketEncryption) pc.call("s3", "PutBucketEncryption", { Bucket: name, ServerSideEncryptionConfiguration: encryptionInput(props.BucketEncryption) });
    else if (!created) pc.call("s3", "DeleteBucketEncryption", { Bucket: name });
  }
  if (created || !same(props.PublicAccessBlockConfiguration, old.PublicAccessBlockConfiguration)) {
    if (props.PublicAccessBlockConfiguration) pc.call("s3", "PutPublicAccessBlock", { Bucket: name, PublicAccessBlockConfiguration: publicAccessBlockInput(props.PublicAccessBlockConfiguration) });
    else if (!created) pc.call("s3", "DeletePublicAccessBlock", { Bucket: name });
  }
  if (props.VersioningConfiguration && (created || !same(props.VersioningConfiguration, old.VersioningConfiguration))) {
    pc.call("s3", "PutBucketVersioning", { Bucket: name, VersioningConfiguration: { Status: props.VersioningConfiguration.Status } });
  }
  if (created || !same(props.LifecycleConfiguration, old.LifecycleConfiguration)) {
    if (props.LifecycleConfiguration) pc.call("s3", "PutBucketLifecycleConfiguration", { Bucket: name, LifecycleConfiguration: lifecycleInput(props.LifecycleConfiguration) });
    else if (!created) pc.call("s3", "DeleteBucketLifecycle", { Bucket: name });
  }
}

function tag(name: string, props: Json, pc: ProviderContext, created: boolean): void {
  const tags = withStackTags(props.Tags, pc);
  if (tags.length) pc.call("s3", "PutBucketTagging", { Bucket: name, Tagging: { TagSet: tags } });
  else if (!created) pc.call("s3", "DeleteBucketTagging", { Bucket: name });
}

export const provider: ResourceProvider = {
  type: "AWS::S3::Bucket",
  operations: {
    s3: [
      "CreateBucket", "DeleteBucket", "PutBucketEncryption", "DeleteBucketEncryption", "PutPublicAccessBlock", "DeletePublicAccessBlock",
      "PutBucketVersioning", "PutBucketLifecycleConfiguration", "DeleteBucketLifecycle", "PutBucketTagging", "DeleteBucketTagging",
    ],
  },
  attributes: ["Arn", "DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL"],
  replaceOn: ["BucketName", "ObjectLockEnabled"],
  taggable: true,
  nameProperty: "BucketName",
  create(props, pc) {
    checkSupported(props);
    const name: string = props.BucketName ?? pc.generatedName(63).toLowerCase();
    pc.call("s3", "CreateBucket", {
      Bucket: name,
      ...(props.AccessControl !== undefined ? { ACL: cannedAcl(String(props.AccessControl)) } : {}),
      ...(pc.region !== "us-east-1" ? { CreateBucketConfiguration: { LocationConstraint: pc.region } } : {}),
    });
    configure(name, props, {}, pc, true);
    tag(name, props, pc, true);
    return { physicalId: name, attributes: attributes(name, pc.region) };
  },
  update(props, old, pc) {
    checkSupported(props);
    const name = old.physicalId!;
    configure(name, props, old.properties ?? {}, pc, false);
    tag(name, props, pc, false);
    return { physicalId: name, attributes: attributes(name, pc.region) };
  },
  delete(record, pc) {
    pc.call("s3", "DeleteBucket", { Bucket: record.physicalId! });
  },
};
