// S3 and ECR in CloudFormation: templates read from S3 by TemplateURL (AWS's URL forms and this
// endpoint's own), the bootstrap stack's bucket (encryption, public access block, versioning,
// lifecycle, policy, tags) and repository (mutability, lifecycle and repository policies) made
// through S3's and ECR's own operations, updated in place, retained or refused on delete.
import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketPolicyCommand, GetBucketTaggingCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, HeadBucketCommand, PutObjectCommand, CreateBucketCommand } from "@aws-sdk/client-s3";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { s3Client } from "../helpers/s3.js";

const body = readFileSync(new URL("./templates/s3-ecr.yaml", import.meta.url), "utf8");
const ACCOUNT = "000000000000";
const ASSETS = `cdk-hnb659fds-assets-${ACCOUNT}-us-east-1`;
const REPO = `cdk-hnb659fds-container-assets-${ACCOUNT}-us-east-1`;

let t: TestLocal;
let cfn: QueryCaller;
let ecr: JsonCalls;
let s3: ReturnType<typeof s3Client>;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
  ecr = jsonCalls(t, "ecr");
  s3 = s3Client(t);
  await s3.send(new CreateBucketCommand({ Bucket: "templates" }));
  await s3.send(new PutObjectCommand({ Bucket: "templates", Key: "stacks/s3-ecr.yaml", Body: body }));
});
afterAll(() => t.close());

const outputs = async (name: string) => Object.fromEntries((await cfn.call("DescribeStacks", { StackName: name })).Stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
const status = async (name: string) => (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0].StackStatus;

describe("TemplateURL", () => {
  it("reads the template from S3 in AWS's URL forms and this endpoint's own", async () => {
    for (const url of ["https://s3.us-east-1.amazonaws.com/templates/stacks/s3-ecr.yaml", "https://templates.s3.amazonaws.com/stacks/s3-ecr.yaml", `${t.url}/templates/stacks/s3-ecr.yaml`]) {
      const v = await cfn.call("ValidateTemplate", { TemplateURL: url });
      expect(v.Parameters.map((p: any) => p.ParameterKey)).toEqual(["Qualifier", "Mutability", "NoncurrentDays"]);
    }
    const summary = await cfn.call("GetTemplateSummary", { TemplateURL: `${t.url}/templates/stacks/s3-ecr.yaml?X-Amz-Signature=x` });
    expect(summary.ResourceTypes).toEqual(["AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::ECR::Repository"]);
  });

  it("refuses a URL that is not S3's, and an object the caller cannot read, in AWS's words", async () => {
    const other = await cfn.error("ValidateTemplate", { TemplateURL: "https://raw.githubusercontent.com/x/y/main/t.yaml" });
    expect([other.code, other.message]).toEqual(["ValidationError", "TemplateURL must be a supported URL."]);
    for (const url of ["https://s3.amazonaws.com/templates/missing.yaml", "https://s3.amazonaws.com/no-bucket-here/t.yaml"]) {
      const missing = await cfn.error("CreateStack", { StackName: "nope", TemplateURL: url });
      expect([missing.code, missing.message]).toEqual(["ValidationError", "TemplateURL must reference a valid S3 object to which you have access."]);
    }
    const foreign = await cfn.error("ValidateTemplate", { TemplateURL: "https://s3.amazonaws.com/templates/stacks/s3-ecr.yaml" }, { accountId: "111111111111" });
    expect(foreign.message).toBe("TemplateURL must reference a valid S3 object to which you have access.");
  });
});

describe("AWS::S3::Bucket, AWS::S3::BucketPolicy, AWS::ECR::Repository", () => {
  it("makes the bootstrap stack's bucket and repository through S3 and ECR", async () => {
    await cfn.call("CreateStack", { StackName: "toolkit", TemplateURL: "https://s3.amazonaws.com/templates/stacks/s3-ecr.yaml", Tags: [{ Key: "team", Value: "infra" }] });
    expect(await status("toolkit")).toBe("CREATE_COMPLETE");
    const out = await outputs("toolkit");
    expect(out).toMatchObject({ BucketName: ASSETS, BucketDomainName: `${ASSETS}.s3.us-east-1.amazonaws.com`, BucketArn: `arn:aws:s3:::${ASSETS}`, RepositoryName: REPO, RepositoryUri: `localhost:${new URL(t.url).port}/${REPO}`, RepositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${REPO}` });
    expect(out.ScratchBucket).toMatch(/^toolkit-scratchbucket-[a-z0-9]{12}$/);
    expect((await s3.send(new GetBucketEncryptionCommand({ Bucket: ASSETS }))).ServerSideEncryptionConfiguration!.Rules![0].ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: "aws:kms" });
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: ASSETS }))).PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: ASSETS }))).Status).toBe("Enabled");
    const rules = (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: ASSETS }))).Rules!;
    expect(rules.map((r) => [r.ID, r.NoncurrentVersionExpiration?.NoncurrentDays, r.AbortIncompleteMultipartUpload?.DaysAfterInitiation])).toEqual([["CleanupOldVersions", 30, undefined], ["AbortIncompleteMultipartUploads", undefined, 1]]);
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: ASSETS }))).Policy!);
    expect(policy.Statement[0].Resource).toEqual([`arn:aws:s3:::${ASSETS}`, `arn:aws:s3:::${ASSETS}/*`]);
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: ASSETS }))).TagSet).toEqual([{ Key: "team", Value: "infra" }, { Key: "purpose", Value: "assets" }]);
    const repo = (await ecr.call("DescribeRepositories", { repositoryNames: [REPO] })).repositories[0];
    expect(repo.imageTagMutability).toBe("IMMUTABLE");
    expect(JSON.parse((await ecr.call("GetLifecyclePolicy", { repositoryName: REPO })).lifecyclePolicyText).rules[0].selection.countNumber).toBe(365);
    expect(JSON.parse((await ecr.call("GetRepositoryPolicy", { repositoryName: REPO })).policyText).Statement[0].Sid).toBe("LambdaECRImageRetrievalPolicy");
    expect((await ecr.call("ListTagsForResource", { resourceArn: repo.repositoryArn })).tags).toEqual([{ Key: "team", Value: "infra" }]);
  });

  it("updates in place from a template URL: the lifecycle rule and the tag mutability", async () => {
    await cfn.call("UpdateStack", {
      StackName: "toolkit",
      TemplateURL: `${t.url}/templates/stacks/s3-ecr.yaml`,
      Parameters: [{ ParameterKey: "Mutability", ParameterValue: "MUTABLE" }, { ParameterKey: "NoncurrentDays", ParameterValue: "60" }],
      Tags: [{ Key: "team", Value: "infra" }],
    });
    expect(await status("toolkit")).toBe("UPDATE_COMPLETE");
    expect((await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: ASSETS }))).Rules![0].NoncurrentVersionExpiration!.NoncurrentDays).toBe(60);
    expect((await ecr.call("DescribeRepositories", { repositoryNames: [REPO] })).repositories[0].imageTagMutability).toBe("MUTABLE");
  });

  it("keeps a retained bucket on delete; a bucket with objects fails its delete in S3's words", async () => {
    const scratch = (await outputs("toolkit")).ScratchBucket;
    await s3.send(new PutObjectCommand({ Bucket: scratch, Key: "left.txt", Body: "x" }));
    await cfn.call("DeleteStack", { StackName: "toolkit" });
    expect(await status("toolkit")).toBe("DELETE_FAILED");
    const events = (await cfn.call("DescribeStackEvents", { StackName: "toolkit" })).StackEvents;
    const failed = events.find((e: any) => e.LogicalResourceId === "ScratchBucket" && e.ResourceStatus === "DELETE_FAILED");
    expect(failed.ResourceStatusReason).toContain("The bucket you tried to delete is not empty");
    await cfn.call("DeleteStack", { StackName: "toolkit", RetainResources: ["ScratchBucket"] });
    expect((await ecr.error("DescribeRepositories", { repositoryNames: [REPO] })).code).toBe("RepositoryNotFoundException");
    expect((await cfn.call("DescribeStacks", { StackName: (await cfn.call("ListStacks", {})).StackSummaries.find((s: any) => s.StackName === "toolkit").StackId })).Stacks[0].StackStatus).toBe("DELETE_COMPLETE");
    expect((await s3.send(new HeadBucketCommand({ Bucket: ASSETS }))).BucketRegion).toBe("us-east-1");
    expect((await s3.send(new HeadBucketCommand({ Bucket: scratch }))).BucketRegion).toBe("us-east-1");
  });
});
