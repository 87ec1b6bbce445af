// ECR's control plane: repositories with ECR's defaults, their lifecycle and repository policies,
// tags, the registry, ECR's own wording of refused input, and the SDK v3 client reading our answers.
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ecr: JsonCalls;
beforeAll(async () => {
  t = await startLocal();
  ecr = jsonCalls(t, "ecr");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ACCOUNT = "000000000000";
const LIFECYCLE = JSON.stringify({
  rules: [{ rulePriority: 1, description: "Untagged images should not exist, but expire any older than one year", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 365 }, action: { type: "expire" } }],
});

describe("CreateRepository, DescribeRepositories, DeleteRepository", () => {
  it("creates a repository with ECR's defaults, its ARN and URI in the account's registry", async () => {
    const { repository } = await ecr.call("CreateRepository", { repositoryName: "team/web", tags: [{ Key: "env", Value: "dev" }] });
    expect(repository).toEqual({
      repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/team/web`,
      registryId: ACCOUNT,
      repositoryName: "team/web",
      repositoryUri: `localhost:${new URL(t.url).port}/team/web`,
      createdAt: t.clock.now() / 1000,
      imageTagMutability: "MUTABLE",
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: "AES256" },
    });
    const immutable = await ecr.call("CreateRepository", { repositoryName: "assets", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } });
    expect([immutable.repository.imageTagMutability, immutable.repository.imageScanningConfiguration]).toEqual(["IMMUTABLE", { scanOnPush: true }]);
    expect((await ecr.call("DescribeRepositories", {})).repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(["team/web", "assets"]);
    expect((await ecr.call("DescribeRepositories", { repositoryNames: ["assets"] })).repositories[0].repositoryArn).toBe(immutable.repository.repositoryArn);
    expect((await ecr.call("DeleteRepository", { repositoryName: "assets" })).repository.repositoryName).toBe("assets");
    expect((await ecr.call("DescribeRepositories", {})).repositories).toHaveLength(1);
  });

  it("refuses a name taken, a repository that is not there, and names outside ECR's pattern, in ECR's words", async () => {
    await ecr.call("CreateRepository", { repositoryName: "web" });
    expect(await ecr.error("CreateRepository", { repositoryName: "web" })).toEqual({ status: 400, code: "RepositoryAlreadyExistsException", message: `The repository with name 'web' already exists in the registry with id '${ACCOUNT}'` });
    expect(await ecr.error("DescribeRepositories", { repositoryNames: ["nope"] })).toEqual({ status: 400, code: "RepositoryNotFoundException", message: `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'` });
    expect(await ecr.error("DeleteRepository", { repositoryName: "nope" })).toMatchObject({ code: "RepositoryNotFoundException" });
    expect(await ecr.error("CreateRepository", { repositoryName: "Organization/repo-name" })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''",
    });
    expect((await ecr.error("CreateRepository", { repositoryName: "a" })).message).toBe("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'");
    expect((await ecr.call("DescribeRepositories", {})).repositories).toHaveLength(1);
  });

  it("pages repositories by maxResults", async () => {
    for (const n of ["r1", "r2", "r3"]) await ecr.call("CreateRepository", { repositoryName: n });
    const first = await ecr.call("DescribeRepositories", { maxResults: 2 });
    expect(first.repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(["r1", "r2"]);
    const second = await ecr.call("DescribeRepositories", { maxResults: 2, nextToken: first.nextToken });
    expect([second.repositories.map((r: { repositoryName: string }) => r.repositoryName), second.nextToken]).toEqual([["r3"], undefined]);
  });
});

describe("policies, tags and the registry", () => {
  beforeEach(async () => {
    await ecr.call("CreateRepository", { repositoryName: "assets" });
  });

  it("lifecycle policy: kept when valid, refused in ECR's words when not, gone once deleted", async () => {
    expect(await ecr.error("GetLifecyclePolicy", { repositoryName: "assets" })).toEqual({
      status: 400,
      code: "LifecyclePolicyNotFoundException",
      message: `Lifecycle policy does not exist for the repository with name 'assets' in the registry with id '${ACCOUNT}'`,
    });
    expect(await ecr.call("PutLifecyclePolicy", { repositoryName: "assets", lifecyclePolicyText: LIFECYCLE })).toEqual({ registryId: ACCOUNT, repositoryName: "assets", lifecyclePolicyText: LIFECYCLE });
    expect((await ecr.call("GetLifecyclePolicy", { repositoryName: "assets" })).lifecyclePolicyText).toBe(LIFECYCLE);
    const bad = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", tagPatternList: ["latest"], countType: "imageCountMoreThan", countUnit: "days", countNumber: 10 }, action: { type: "expire" } }] });
    expect(await ecr.error("PutLifecyclePolicy", { repositoryName: "assets", lifecyclePolicyText: bad })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: instance failed to match exactly one schema (matched 0 out of 2)'",
    });
    expect((await ecr.call("DeleteLifecyclePolicy", { repositoryName: "assets" })).lifecyclePolicyText).toBe(LIFECYCLE);
    expect((await ecr.error("DeleteLifecyclePolicy", { repositoryName: "assets" })).code).toBe("LifecyclePolicyNotFoundException");
  });

  it("repository policy: set, read back and deleted", async () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "LambdaECRImageRetrievalPolicy", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }] });
    expect((await ecr.error("GetRepositoryPolicy", { repositoryName: "assets" })).message).toBe(`Repository policy does not exist for the repository with name 'assets' in the registry with id '${ACCOUNT}'`);
    expect(await ecr.call("SetRepositoryPolicy", { repositoryName: "assets", policyText: policy })).toEqual({ registryId: ACCOUNT, repositoryName: "assets", policyText: policy });
    expect((await ecr.call("GetRepositoryPolicy", { repositoryName: "assets" })).policyText).toBe(policy);
    expect((await ecr.error("SetRepositoryPolicy", { repositoryName: "assets", policyText: "{" })).code).toBe("InvalidParameterException");
    await ecr.call("DeleteRepositoryPolicy", { repositoryName: "assets" });
    expect((await ecr.error("GetRepositoryPolicy", { repositoryName: "assets" })).code).toBe("RepositoryPolicyNotFoundException");
  });

  it("tags by ARN, tag mutability, scanning, and the registry", async () => {
    const arn = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/assets`;
    await ecr.call("TagResource", { resourceArn: arn, tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] });
    await ecr.call("TagResource", { resourceArn: arn, tags: [{ Key: "a", Value: "3" }] });
    await ecr.call("UntagResource", { resourceArn: arn, tagKeys: ["b"] });
    expect((await ecr.call("ListTagsForResource", { resourceArn: arn })).tags).toEqual([{ Key: "a", Value: "3" }]);
    expect((await ecr.call("PutImageTagMutability", { repositoryName: "assets", imageTagMutability: "IMMUTABLE" })).imageTagMutability).toBe("IMMUTABLE");
    await ecr.call("PutImageScanningConfiguration", { repositoryName: "assets", imageScanningConfiguration: { scanOnPush: true } });
    const repo = (await ecr.call("DescribeRepositories", { repositoryNames: ["assets"] })).repositories[0];
    expect([repo.imageTagMutability, repo.imageScanningConfiguration]).toEqual(["IMMUTABLE", { scanOnPush: true }]);
    expect(await ecr.call("DescribeRegistry", {})).toEqual({ registryId: ACCOUNT, replicationConfiguration: { rules: [] } });
  });

  it("answers the layer operations of the API as not supported (images travel through the registry)", async () => {
    const res = await t.raw("AmazonEC2ContainerRegistry_V20150921.GetDownloadUrlForLayer", JSON.stringify({ repositoryName: "assets", layerDigest: "sha256:00" }));
    expect([res.status, res.body]).toEqual([400, { __type: "ValidationException", message: "ecs-local does not support GetDownloadUrlForLayer yet." }]);
  });

  it("names repositories as AWS does with --repository-uri aws", async () => {
    const local = createApp({ config: { repositoryUri: "aws", validateOutput: true } });
    await local.registry.load();
    const request = { accountId: ACCOUNT, region: "eu-west-1", requestId: "r" };
    const made = local.registry.backends.client.call("ecr", "CreateRepository", { repositoryName: "team/api" }, request);
    expect(made.repository.repositoryUri).toBe(`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/team/api`);
    expect(local.registry.backends.client.call("ecr", "GetAuthorizationToken", {}, request).authorizationData[0].proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`);
    await local.close();
  });
});

describe("the SDK v3 client", () => {
  it("reads our answers and errors", async () => {
    const client = new ECRClient({ endpoint: t.url, region: "eu-west-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const created = await client.send(new CreateRepositoryCommand({ repositoryName: "sdk-repo" }));
    expect(created.repository!.createdAt).toBeInstanceOf(Date);
    expect(created.repository!.repositoryUri).toBe(`localhost:${new URL(t.url).port}/sdk-repo`);
    expect((await client.send(new DescribeRepositoriesCommand({}))).repositories!.map((r) => r.repositoryName)).toEqual(["sdk-repo"]);
    await expect(client.send(new GetLifecyclePolicyCommand({ repositoryName: "sdk-repo" }))).rejects.toMatchObject({ name: "LifecyclePolicyNotFoundException" });
  });
});
