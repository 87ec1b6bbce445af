// Snapshots of the stores beside ECS (IAM, STS, SSM, Secrets Manager, CloudWatch Logs, Cloud Map,
// S3): a restart from a snapshot taken mid-workload plus the journal's tail is the same graph as a
// restart from the whole journal, timers included, before and after the clock moves on.
import { describe, expect, it } from "vitest";
import { CreateAccessKeyCommand, CreateRoleCommand, CreateServiceLinkedRoleCommand, CreateUserCommand, DeleteServiceLinkedRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { CreateSecretCommand, DeleteSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateHttpNamespaceCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { EcsLocalServer } from "../../src/server.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { compareSnapshotRestarts } from "./snapshotHarness.js";

const servers = stateDirServers();
const credentials = { accessKeyId: "123456789012", secretAccessKey: "x" };
const opts = (s: EcsLocalServer) => ({ endpoint: s.endpoint, region: "us-east-1", credentials });
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole" }] });

async function half(s: EcsLocalServer, n: number): Promise<void> {
  const iam = new IAMClient(opts(s));
  const role = (await iam.send(new CreateRoleCommand({ RoleName: `deploy-${n}`, AssumeRolePolicyDocument: trust }))).Role!;
  await iam.send(new CreateUserCommand({ UserName: `ci-${n}` }));
  await iam.send(new CreateAccessKeyCommand({ UserName: `ci-${n}` }));
  await new STSClient(opts(s)).send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: `s${n}`, DurationSeconds: 900 }));
  await new STSClient(opts(s)).send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
  const ssm = new SSMClient(opts(s));
  await ssm.send(new PutParameterCommand({ Name: `/app/p${n}`, Value: `v${n}`, Type: "String" }));
  await ssm.send(new PutParameterCommand({ Name: `/app/ami${n}`, Value: "ami-0123456789abcdef0", Type: "String", DataType: "aws:ec2:image" }));
  const sm = new SecretsManagerClient(opts(s));
  await sm.send(new CreateSecretCommand({ Name: `db-${n}`, SecretString: "pw" }));
  await sm.send(new DeleteSecretCommand({ SecretId: `db-${n}`, RecoveryWindowInDays: 7 + n }));
  const logs = new CloudWatchLogsClient(opts(s));
  await logs.send(new CreateLogGroupCommand({ logGroupName: `/ecs/g${n}` }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: `/ecs/g${n}`, retentionInDays: 1 }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: `/ecs/g${n}`, logStreamName: "s" }));
  await logs.send(new PutLogEventsCommand({ logGroupName: `/ecs/g${n}`, logStreamName: "s", logEvents: [{ timestamp: Date.now(), message: `line ${n}` }] }));
  await new ServiceDiscoveryClient(opts(s)).send(new CreateHttpNamespaceCommand({ Name: `ns${n}` }));
  const s3 = new S3Client({ ...opts(s), forcePathStyle: true });
  if (n === 1) await s3.send(new CreateBucketCommand({ Bucket: "artifacts" }));
  await s3.send(new PutObjectCommand({ Bucket: "artifacts", Key: `k${n}`, Body: `body ${n}` }));
}

describe("snapshots: the companion services", () => {
  it("restart from a snapshot and the tail as from the whole journal", async () => {
    const r = await compareSnapshotRestarts(servers, {
      config: { timingProfile: "realistic" },
      first: async (s) => {
        await half(s, 1);
        await new IAMClient(opts(s)).send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "ecs.amazonaws.com" }));
      },
      second: async (s) => {
        await half(s, 2);
        await new IAMClient(opts(s)).send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForECS" }));
      },
      advanceMs: 10 * 86_400_000,
    });
    // Secret deletions, log retention sweeps, the pending image parameter and the linked role's deletion.
    expect(r.pendingAtStart).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
