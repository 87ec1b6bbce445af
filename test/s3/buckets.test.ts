// S3 buckets through the SDK v3 client: creation rules, their configuration (policy, versioning,
// encryption, public access block, lifecycle, tags) and S3's errors, in its XML error document.
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { rawS3, s3Auth, s3Client } from "../helpers/s3.js";

let t: TestLocal;
let s3: ReturnType<typeof s3Client>;
beforeAll(async () => {
  t = await startLocal();
  s3 = s3Client(t);
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const denyInsecure = (bucket: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "AllowSSLRequestsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }] });

describe("CreateBucket, HeadBucket, GetBucketLocation, ListBuckets, DeleteBucket", () => {
  it("creates a bucket in the request's region and lists it for its owner only", async () => {
    expect((await s3.send(new CreateBucketCommand({ Bucket: "assets-one" }))).Location).toBe("/assets-one");
    const west = s3Client(t, "test", "eu-west-1");
    await west.send(new CreateBucketCommand({ Bucket: "assets-two", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: "assets-one" }))).LocationConstraint).toBeUndefined();
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: "assets-two" }))).LocationConstraint).toBe("eu-west-1");
    const head = await s3.send(new HeadBucketCommand({ Bucket: "assets-two" }));
    expect([head.BucketRegion, head.BucketArn]).toEqual(["eu-west-1", "arn:aws:s3:::assets-two"]);
    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets!.map((b) => [b.Name, b.BucketRegion])).toEqual([["assets-one", "us-east-1"], ["assets-two", "eu-west-1"]]);
    expect(listed.Owner!.ID).toMatch(/^[0-9a-f]{64}$/);
    const other = s3Client(t, "111111111111");
    expect((await other.send(new ListBucketsCommand({}))).Buckets).toEqual([]);
    await s3.send(new DeleteBucketCommand({ Bucket: "assets-one" }));
    await expect(s3.send(new HeadBucketCommand({ Bucket: "assets-one" }))).rejects.toMatchObject({ name: "NotFound", $metadata: { httpStatusCode: 404 } });
  });

  it("refuses bad names, a bucket someone else owns, and location constraints that do not fit the region", async () => {
    await expect(s3.send(new CreateBucketCommand({ Bucket: "Upper_Case" }))).rejects.toMatchObject({ name: "InvalidBucketName", message: "The specified bucket is not valid." });
    await expect(s3.send(new CreateBucketCommand({ Bucket: "public-acl", ACL: "public-read" }))).rejects.toMatchObject({ name: "InvalidBucketAclWithObjectOwnership", message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting" });
    await s3.send(new CreateBucketCommand({ Bucket: "private-acl", ACL: "private" }));
    await s3.send(new CreateBucketCommand({ Bucket: "taken-name" }));
    // In us-east-1, creating a bucket one already owns answers success again.
    await s3.send(new CreateBucketCommand({ Bucket: "taken-name" }));
    await expect(s3Client(t, "111111111111").send(new CreateBucketCommand({ Bucket: "taken-name" }))).rejects.toMatchObject({ name: "BucketAlreadyExists", $metadata: { httpStatusCode: 409 } });
    await expect(s3.send(new CreateBucketCommand({ Bucket: "east-explicit", CreateBucketConfiguration: { LocationConstraint: "us-east-1" as never } }))).rejects.toMatchObject({ name: "InvalidLocationConstraint" });
    // The SDK fills the region in for a client outside us-east-1; a bare request leaves it out.
    const bare = await rawS3(t, "PUT", "/west-bare", { headers: { Authorization: s3Auth("test", "eu-west-1") } });
    expect([bare.status, bare.error?.Code, bare.error?.Message]).toEqual([400, "IllegalLocationConstraintException", "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."]);
    await expect(s3Client(t, "111111111111").send(new GetBucketVersioningCommand({ Bucket: "taken-name" }))).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
  });

  it("answers errors in S3's XML error document, and HEAD with a status only", async () => {
    const missing = await rawS3(t, "GET", "/no-such-bucket?versioning");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-amz-request-id")).toMatch(/^[0-9A-F]{16}$/);
    expect(missing.error).toMatchObject({ Code: "NoSuchBucket", Message: "The specified bucket does not exist", BucketName: "no-such-bucket" });
    expect(missing.error!.RequestId).toBe(missing.headers.get("x-amz-request-id"));
    const head = await rawS3(t, "HEAD", "/no-such-bucket");
    expect([head.status, head.text]).toEqual([404, ""]);
    const unsupported = await rawS3(t, "GET", "/no-such-bucket?cors");
    expect([unsupported.status, unsupported.error?.Code, unsupported.error?.Message]).toEqual([501, "NotImplemented", "ecs-local does not support the S3 operation GetBucketCors yet."]);
    await s3.send(new CreateBucketCommand({ Bucket: "xml-bucket" }));
    const malformed = await rawS3(t, "PUT", "/xml-bucket?versioning", { body: "<VersioningConfiguration><Status>Sometimes</Status>" });
    expect([malformed.status, malformed.error?.Code]).toEqual([400, "MalformedXML"]);
  });

  it("keeps a versioned bucket until every version is gone", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "full-bucket" }));
    await s3.send(new PutObjectCommand({ Bucket: "full-bucket", Key: "k", Body: "x" }));
    await expect(s3.send(new DeleteBucketCommand({ Bucket: "full-bucket" }))).rejects.toMatchObject({ name: "BucketNotEmpty", message: "The bucket you tried to delete is not empty", $metadata: { httpStatusCode: 409 } });
  });
});

describe("bucket configuration", () => {
  beforeEach(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "conf-bucket" }));
  });

  it("policy: kept as written, refused when not JSON or public while public policies are blocked", async () => {
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchBucketPolicy", message: "The bucket policy does not exist" });
    await s3.send(new PutBucketPolicyCommand({ Bucket: "conf-bucket", Policy: denyInsecure("conf-bucket") }));
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: "conf-bucket" }))).Policy).toBe(denyInsecure("conf-bucket"));
    await expect(s3.send(new PutBucketPolicyCommand({ Bucket: "conf-bucket", Policy: "not json" }))).rejects.toMatchObject({ name: "MalformedPolicy", message: "Policies must be valid JSON and the first byte must be '{'" });
    const open = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::conf-bucket/*" }] });
    await expect(s3.send(new PutBucketPolicyCommand({ Bucket: "conf-bucket", Policy: open }))).rejects.toMatchObject({ name: "AccessDenied" });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: "conf-bucket" }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: "conf-bucket", Policy: open }));
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: "conf-bucket" }));
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchBucketPolicy" });
  });

  it("versioning: no status until set, then Enabled or Suspended", async () => {
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "conf-bucket" }))).Status).toBeUndefined();
    await s3.send(new PutBucketVersioningCommand({ Bucket: "conf-bucket", VersioningConfiguration: { Status: "Enabled" } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "conf-bucket" }))).Status).toBe("Enabled");
    await s3.send(new PutBucketVersioningCommand({ Bucket: "conf-bucket", VersioningConfiguration: { Status: "Suspended" } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "conf-bucket" }))).Status).toBe("Suspended");
  });

  it("encryption: SSE-S3 by default, a KMS configuration as given, the default again once deleted", async () => {
    const sseS3 = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: false }] };
    expect((await s3.send(new GetBucketEncryptionCommand({ Bucket: "conf-bucket" }))).ServerSideEncryptionConfiguration).toEqual(sseS3);
    const kms = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" as const } }] };
    await s3.send(new PutBucketEncryptionCommand({ Bucket: "conf-bucket", ServerSideEncryptionConfiguration: kms }));
    expect((await s3.send(new GetBucketEncryptionCommand({ Bucket: "conf-bucket" }))).ServerSideEncryptionConfiguration).toEqual(kms);
    expect((await s3.send(new PutObjectCommand({ Bucket: "conf-bucket", Key: "k", Body: "x" }))).ServerSideEncryption).toBe("aws:kms");
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket: "conf-bucket" }));
    expect((await s3.send(new GetBucketEncryptionCommand({ Bucket: "conf-bucket" }))).ServerSideEncryptionConfiguration).toEqual(sseS3);
  });

  it("public access block: all on for a new bucket, as set, then absent once deleted", async () => {
    const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: "conf-bucket" }))).PublicAccessBlockConfiguration).toEqual(all);
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: "conf-bucket", PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: "conf-bucket" }))).PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: "conf-bucket" }));
    await expect(s3.send(new GetPublicAccessBlockCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchPublicAccessBlockConfiguration", $metadata: { httpStatusCode: 404 } });
  });

  it("lifecycle: the CDK bootstrap bucket's rules round-trip; duplicate ids are refused", async () => {
    await expect(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchLifecycleConfiguration", message: "The lifecycle configuration does not exist" });
    const rules = [
      { ID: "CleanupOldVersions", Status: "Enabled" as const, Filter: { Prefix: "" }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
      { ID: "AbortIncompleteMultipartUploads", Status: "Enabled" as const, Filter: { Prefix: "" }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
    ];
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: "conf-bucket", LifecycleConfiguration: { Rules: rules } }));
    expect((await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "conf-bucket" }))).Rules).toEqual(rules);
    await expect(s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: "conf-bucket", LifecycleConfiguration: { Rules: [rules[0], rules[0]] } }))).rejects.toMatchObject({ name: "InvalidArgument" });
    await s3.send(new DeleteBucketLifecycleCommand({ Bucket: "conf-bucket" }));
    await expect(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchLifecycleConfiguration" });
  });

  it("tags: a set replaced whole; aws: keys refused", async () => {
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "conf-bucket" }))).rejects.toMatchObject({ name: "NoSuchTagSet", message: "The TagSet does not exist" });
    await s3.send(new PutBucketTaggingCommand({ Bucket: "conf-bucket", Tagging: { TagSet: [{ Key: "team", Value: "infra" }, { Key: "env", Value: "dev" }] } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: "conf-bucket" }))).TagSet).toEqual([{ Key: "team", Value: "infra" }, { Key: "env", Value: "dev" }]);
    await expect(s3.send(new PutBucketTaggingCommand({ Bucket: "conf-bucket", Tagging: { TagSet: [{ Key: "aws:x", Value: "y" }] } }))).rejects.toMatchObject({ name: "InvalidArgument", message: "Your TagKey cannot be prefixed with aws:" });
  });
});
