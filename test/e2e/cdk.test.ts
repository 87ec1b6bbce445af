// The CDK CLI, unmodified, against the real server (AWS_ENDPOINT_URL): an ecs-patterns Fargate
// service behind an ALB in a new VPC with service auto scaling (test/e2e/cdk/app.mjs) deployed with
// the legacy synthesizer, diffed, updated and destroyed; then `cdk bootstrap` and a deploy with the
// default synthesizer (assumed roles, the template uploaded to the bootstrap bucket, deployed by URL).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { CloudFormationClient, DescribeStacksCommand, ListStacksCommand } from "@aws-sdk/client-cloudformation";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient, ListClustersCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { GetBucketVersioningCommand, GetPublicAccessBlockCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";
import { orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { run } from "./tools.js";

const require = createRequire(import.meta.url);
const resolves = (name: string): boolean => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
};
const CDK_CLI = join(REPO_ROOT, "node_modules", "aws-cdk", "bin", "cdk");
const present = existsSync(CDK_CLI) && resolves("aws-cdk-lib") && resolves("constructs");
if (!present) console.warn("skipping the CDK end-to-end test: aws-cdk, aws-cdk-lib or constructs is not installed (npm ci installs them as devDependencies)");

const APP = join(REPO_ROOT, "test", "e2e", "cdk", "app.mjs");
const ACCOUNT = "000000000000";
const STACK = "EcsLocalWeb";

let server: RunningServer;
let work: string;
const creds = { accessKeyId: "test", secretAccessKey: "test" };
const client = <T>(C: new (c: object) => T): T => new C({ endpoint: server.url, region: "us-east-1", credentials: creds });

/** The environment of a CDK process: the endpoint for every service, no user configuration, nothing sent elsewhere. */
function cdkEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: work,
    CDK_HOME: join(work, ".cdk"),
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_ENDPOINT_URL: server.url,
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
    CDK_DISABLE_VERSION_CHECK: "1",
    CDK_DISABLE_CLI_TELEMETRY: "1",
    // aws-cdk-lib checks each synthesized template with its own WebAssembly CloudFormation validator
    // (@aws/cloudformation-validate): 6.5 of a synth's 7.7 s of CPU, spent on the CDK's template and
    // not on anything the server does. The templates deployed are the same without it.
    CDK_VALIDATION: "false",
    ...extra,
  };
}

/** Runs the CDK CLI in the work folder (where it writes cdk.context.json); answers its output. */
async function cdk(args: string[], extra: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CDK_CLI, ...args, "--no-notices", "--no-version-reporting", "--ci"], { cwd: work, env: cdkEnv(extra), maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`cdk ${args.join(" ")} failed: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
  }
}

/** Synthesizes the app into a folder of the work dir with node itself (the CLI then deploys the assembly). */
async function synth(dir: string, extra: Record<string, string>): Promise<string> {
  const out = join(work, dir);
  await run(process.execPath, [APP], { cwd: work, env: { ...cdkEnv(extra), CDK_OUTDIR: out } });
  return out;
}

async function service() {
  const ecs = client(ECSClient);
  const listed = (await ecs.send(new ListClustersCommand({}))).clusterArns!.filter((a) => a.includes(`${STACK}-Cluster`));
  const cluster = (await ecs.send(new DescribeClustersCommand({ clusters: listed }))).clusters!.find((c) => c.status === "ACTIVE")!.clusterArn!;
  const arn = (await ecs.send(new ListServicesCommand({ cluster }))).serviceArns![0];
  return (await ecs.send(new DescribeServicesCommand({ cluster, services: [arn] }))).services![0];
}

async function targetStates(): Promise<string[]> {
  const elb = client(ElasticLoadBalancingV2Client);
  const groups = (await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups!;
  expect(groups).toHaveLength(1);
  const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: groups[0].TargetGroupArn }));
  return health.TargetHealthDescriptions!.map((d) => d.TargetHealth!.State!);
}

const stackStatus = async (name: string): Promise<string | undefined> =>
  (await client(CloudFormationClient).send(new ListStacksCommand({}))).StackSummaries!.find((s) => s.StackName === name)?.StackStatus;

describe.skipIf(!present)("the CDK CLI end to end", () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ecs-local-cdk-"));
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1", ECS_LOCAL_LOG_LEVEL: "warn" });
  });
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const step = orderedSteps();

  step("cdk deploy (legacy synthesizer): the service is steady and its targets healthy", 4, async () => {
    const out = await cdk(["deploy", "--app", `node ${APP}`, "--output", join(work, "legacy"), "--require-approval", "never"], { CDK_SYNTHESIZER: "legacy" });
    expect(out).toContain(`✅  ${STACK}`);
    expect(await stackStatus(STACK)).toBe("CREATE_COMPLETE");
    const svc = await service();
    expect([svc.desiredCount, svc.runningCount, svc.launchType]).toEqual([2, 2, "FARGATE"]);
    expect(svc.events![0].message).toMatch(/has reached a steady state\.$/);
    expect(await targetStates()).toEqual(["healthy", "healthy"]);
  });

  step("cdk diff: no differences against what is deployed", 2, async () => {
    const out = await cdk(["diff", "--app", join(work, "legacy")]);
    // The diff comes from a read-only change set (made, described and deleted), not the template-only fallback.
    expect(out).toContain("Hold on while we create a read-only change set");
    expect(out).not.toContain("Could not create a change set");
    expect(out).toContain("There were no differences");
  });

  step("cdk deploy of an update: three tasks, steady and healthy", 4, async () => {
    const updated = await synth("legacy-3", { CDK_SYNTHESIZER: "legacy", WEB_COUNT: "3" });
    const diff = await cdk(["diff", "--app", updated]);
    expect(diff).not.toContain("Could not create a change set");
    expect(diff).toMatch(/\[~\] AWS::ECS::Service Web\/Service\/Service/);
    expect(diff).toMatch(/DesiredCount[\s\S]*2[\s\S]*3/);
    await cdk(["deploy", "--app", updated, "--require-approval", "never"]);
    expect(await stackStatus(STACK)).toBe("UPDATE_COMPLETE");
    const svc = await service();
    expect([svc.desiredCount, svc.runningCount]).toEqual([3, 3]);
    expect(await targetStates()).toEqual(["healthy", "healthy", "healthy"]);
  });

  step("cdk destroy: the stack and its resources are gone", 2, async () => {
    await cdk(["destroy", "--force", "--app", join(work, "legacy-3")]);
    expect(await stackStatus(STACK)).toBe("DELETE_COMPLETE");
    // A deleted cluster stays describable, INACTIVE, for a while (as in ECS).
    const ecs = client(ECSClient);
    const clusters = (await ecs.send(new ListClustersCommand({}))).clusterArns!;
    expect((await ecs.send(new DescribeClustersCommand({ clusters }))).clusters!.map((c) => c.status)).toEqual(["INACTIVE"]);
  });

  step("cdk bootstrap: the CDKToolkit stack's bucket, repository, roles and version parameter", 3, async () => {
    const out = await cdk(["bootstrap", `aws://${ACCOUNT}/us-east-1`]);
    expect(out).toContain("Environment aws://000000000000/us-east-1 bootstrapped");
    const toolkit = (await client(CloudFormationClient).send(new DescribeStacksCommand({ StackName: "CDKToolkit" }))).Stacks![0];
    expect(toolkit.StackStatus).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries(toolkit.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    const bucket = `cdk-hnb659fds-assets-${ACCOUNT}-us-east-1`;
    expect(outputs).toMatchObject({ BucketName: bucket, BucketDomainName: `${bucket}.s3.us-east-1.amazonaws.com`, ImageRepositoryName: `cdk-hnb659fds-container-assets-${ACCOUNT}-us-east-1` });
    const s3 = client(S3Client);
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe("Enabled");
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration!.BlockPublicPolicy).toBe(true);
    const repo = (await client(ECRClient).send(new DescribeRepositoriesCommand({ repositoryNames: [outputs.ImageRepositoryName!] }))).repositories![0];
    expect(repo.imageTagMutability).toBe("IMMUTABLE");
    const version = (await client(SSMClient).send(new GetParameterCommand({ Name: "/cdk-bootstrap/hnb659fds/version" }))).Parameter!.Value;
    expect(version).toBe(outputs.BootstrapVersion);
  });

  step("cdk deploy (default synthesizer): the template goes to the bootstrap bucket and deploys from there", 4, async () => {
    const assembly = await synth("default", {});
    await cdk(["deploy", "--app", assembly, "--require-approval", "never"]);
    expect(await stackStatus(STACK)).toBe("CREATE_COMPLETE");
    const stack = (await client(CloudFormationClient).send(new DescribeStacksCommand({ StackName: STACK }))).Stacks![0];
    expect(stack.RoleARN).toBe(`arn:aws:iam::${ACCOUNT}:role/cdk-hnb659fds-cfn-exec-role-${ACCOUNT}-us-east-1`);
    const objects = (await client(S3Client).send(new ListObjectsV2Command({ Bucket: `cdk-hnb659fds-assets-${ACCOUNT}-us-east-1` }))).Contents!.map((o) => o.Key);
    expect(objects.some((k) => k!.endsWith(".json"))).toBe(true);
    const svc = await service();
    expect([svc.desiredCount, svc.runningCount]).toEqual([2, 2]);
    expect(await targetStates()).toEqual(["healthy", "healthy"]);
  });
});
