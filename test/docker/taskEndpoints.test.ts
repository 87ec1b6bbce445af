// Real containers and their task endpoints: a busybox task reads its own metadata (v4 and v3) and its
// task role's credentials from the variables ECS sets, and writes them to CloudWatch Logs; the test
// signs GetCallerIdentity with those credentials and gets the task's assumed-role session. Skipped,
// with the reason, when no engine answers.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { fromHttp } from "@aws-sdk/credential-provider-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/runtime/docker/engine.js";
import { call, DOCKER_HOST, dockerUnavailable, IMAGE, importBusybox, startDockerLocal, until, type DockerLocal } from "../helpers/docker.js";

const why = await dockerUnavailable();
if (why) console.warn(`SKIPPED the task endpoints suite: ${why}`);

let s: DockerLocal;
let engine: Engine;
const ecs = (op: string, input: unknown) => call(s.url, "ecs", op, input);
const taskId = (arn: string) => arn.split("/").pop()!;
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const logging = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } };
// busybox's wget: the credentials by whichever variable the task got, then its metadata.
const SCRIPT = [
  'if [ -n "$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" ]; then wget -qO- "http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"; else wget -qO- --header "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI"; fi; echo',
  // The container can start before ECS records its task RUNNING (the agent reports after the engine answers): wait for it.
  'for i in $(seq 150); do wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/task" | grep -q \'"DesiredStatus":"RUNNING","KnownStatus":"RUNNING"\' && break; sleep 0.2; done',
  'wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/task"; echo',
  'wget -qO- "$ECS_CONTAINER_METADATA_URI"; echo',
  'echo "region=$AWS_REGION default=$AWS_DEFAULT_REGION env=$AWS_EXECUTION_ENV endpoint=$AWS_ENDPOINT_URL"',
  "exec sleep 600",
].join("; ");

async function logLines(arn: string, want: number): Promise<string[]> {
  return until(`${want} lines from the task`, async () => {
    const out = await call(s.url, "logs", "GetLogEvents", { logGroupName: "/ecs/app", logStreamName: `ecs/app/${taskId(arn)}`, startFromHead: true }).catch(() => undefined);
    const lines = (out?.events ?? []).map((e: any) => e.message as string);
    return lines.length >= want ? lines : undefined;
  }, 30_000);
}

describe.skipIf(!!why)("task endpoints with real containers", () => {
  beforeAll(async () => {
    await importBusybox();
    engine = new Engine(DOCKER_HOST);
    // A free port: the test must not depend on who holds 169.254.170.2:80 on this machine.
    s = await startDockerLocal({ taskEndpointPort: 0 });
    const iam = new IAMClient({ endpoint: s.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await iam.send(new CreateRoleCommand({ RoleName: "app-role", AssumeRolePolicyDocument: TRUST }));
    await ecs("CreateCluster", { clusterName: "apps" });
    const doc = { instanceId: "i-0000000000000e001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
    await ecs("RegisterContainerInstance", { cluster: "apps", instanceIdentityDocument: JSON.stringify(doc) });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    engine?.destroy();
  });

  it("gives a container its metadata, its region and its task role's credentials, which act as the task's session", async () => {
    const endpoints = s.local.taskEndpoints();
    expect(endpoints?.address?.base).toMatch(/^http:\/\/169\.254\.170\.2:\d+$/);
    // AWS_ENDPOINT_URL's address answers ecs-local's API (and the rest of its routes) too.
    const viaEndpoint = await call(endpoints!.address!.base, "ecs", "ListClusters", {});
    expect(viaEndpoint.clusterArns).toEqual(["arn:aws:ecs:us-east-1:000000000000:cluster/apps"]);
    await ecs("RegisterTaskDefinition", {
      family: "app",
      taskRoleArn: "arn:aws:iam::000000000000:role/app-role",
      containerDefinitions: [{ name: "app", image: IMAGE, memory: 32, cpu: 64, command: ["sh", "-c", SCRIPT], stopTimeout: 1, logConfiguration: logging }],
    });
    const arn = (await ecs("RunTask", { cluster: "apps", taskDefinition: "app" })).tasks[0].taskArn as string;
    const [creds, task, container, env] = await logLines(arn, 4);

    const got = JSON.parse(creds);
    expect(Object.keys(got)).toEqual(["AccessKeyId", "Expiration", "RoleArn", "SecretAccessKey", "Token"]);
    expect(got.RoleArn).toBe("arn:aws:iam::000000000000:role/app-role");
    expect(got.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const sts = new STSClient({ endpoint: s.url, region: "us-east-1", credentials: { accessKeyId: got.AccessKeyId, secretAccessKey: got.SecretAccessKey, sessionToken: got.Token } });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::000000000000:assumed-role/app-role/${taskId(arn)}`);
    expect(me.Account).toBe("000000000000");

    const meta = JSON.parse(task);
    expect(meta).toMatchObject({ Cluster: "apps", TaskARN: arn, Family: "app", Revision: "1", DesiredStatus: "RUNNING", KnownStatus: "RUNNING", LaunchType: "EC2", AvailabilityZone: "us-east-1a" });
    expect(meta.Containers).toHaveLength(1);
    expect(meta.Containers[0]).toMatchObject({ Name: "app", Image: IMAGE, KnownStatus: "RUNNING", DesiredStatus: "RUNNING", Limits: { CPU: 64, Memory: 32 }, Type: "NORMAL", LogDriver: "awslogs" });
    expect(meta.Containers[0].LogOptions).toEqual({ "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-create-group": "true", "awslogs-stream": `ecs/app/${taskId(arn)}` });
    expect(meta.Containers[0].Networks[0].NetworkMode).toBe("bridge");
    const [described] = (await ecs("DescribeTasks", { cluster: "apps", tasks: [arn] })).tasks;
    expect(meta.Containers[0].DockerId).toBe(described.containers[0].runtimeId);
    expect(meta.Containers[0].ContainerARN).toBe(described.containers[0].containerArn);

    const v3 = JSON.parse(container);
    expect(v3).toMatchObject({ DockerId: described.containers[0].runtimeId, Name: "app", KnownStatus: "RUNNING" });
    expect(v3.ContainerARN).toBeUndefined();
    expect(env).toBe(`region=us-east-1 default=us-east-1 env=AWS_ECS_EC2 endpoint=${endpoints!.address!.base}`);

    // The SDK's own container provider, from the host, with the variables the container got.
    const info = await engine.call("GET", `/containers/${described.containers[0].runtimeId}/json`);
    const vars = Object.fromEntries((info.Config.Env as string[]).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
    const provided = await fromHttp({ awsContainerCredentialsFullUri: vars.AWS_CONTAINER_CREDENTIALS_FULL_URI, awsContainerAuthorizationToken: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN })();
    expect(provided.accessKeyId).toBe(got.AccessKeyId);
    const denied = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: "not-the-token" } });
    expect(denied.status).toBe(401);

    await ecs("StopTask", { cluster: "apps", task: arn });
    await until("the task to stop", async () => (await ecs("DescribeTasks", { cluster: "apps", tasks: [arn] })).tasks[0].lastStatus === "STOPPED");
    const gone = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
    expect(gone.status).toBe(400);
    expect(await gone.json()).toEqual({ code: "InvalidIdInRequest", message: "CredentialsV2Request: Credentials not found" });
  }, 90_000);
});
