// Task role credentials across a restart with a state directory: they were issued inside the task's
// lifecycle (journaled), so the replay issues the same ones; the container that outlived the server
// still reads them at the same address, and they still sign as the task's session. Skipped, with the
// reason, when no engine answers.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type EcsLocalServer } from "../../src/index.js";
import { Engine } from "../../src/runtime/docker/engine.js";
import { call, DOCKER_HOST, dockerUnavailable, IMAGE, importBusybox, until } from "../helpers/docker.js";
import { tempDir } from "../helpers/tempDir.js";

const why = await dockerUnavailable();
if (why) console.warn(`SKIPPED the task endpoints restart suite: ${why}`);

let engine: Engine;
let server: EcsLocalServer | undefined;
const stateDir = tempDir("ecs-local-task-endpoints-state-");
const start = async (): Promise<EcsLocalServer> => (server = await startServer({ logLevel: "silent", validateOutput: true, runtime: "docker", dockerHost: DOCKER_HOST, stateDir, taskEndpointPort: 0, containerDns: false }));
const ecs = (op: string, input: unknown) => call(server!.endpoint, "ecs", op, input);
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });

async function credentialsOf(runtimeId: string): Promise<any> {
  const info = await engine.call("GET", `/containers/${runtimeId}/json`);
  const vars = Object.fromEntries((info.Config.Env as string[]).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  const res = await fetch(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
  expect(res.status).toBe(200);
  return res.json();
}

describe.skipIf(!!why)("task role credentials across a restart", () => {
  beforeAll(async () => {
    await importBusybox();
    engine = new Engine(DOCKER_HOST);
  }, 60_000);
  afterAll(async () => {
    if (server) {
      server.reset();
      await server.stop();
    }
    engine?.destroy();
  });

  it("serves the same credentials after a restart, still signing as the task's session", async () => {
    await start();
    const iam = new IAMClient({ endpoint: server!.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await iam.send(new CreateRoleCommand({ RoleName: "keeper", AssumeRolePolicyDocument: TRUST }));
    await ecs("CreateCluster", { clusterName: "keep" });
    const doc = { instanceId: "i-0000000000000e002", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
    await ecs("RegisterContainerInstance", { cluster: "keep", instanceIdentityDocument: JSON.stringify(doc) });
    await ecs("RegisterTaskDefinition", { family: "idle", taskRoleArn: "arn:aws:iam::000000000000:role/keeper", containerDefinitions: [{ name: "idle", image: IMAGE, memory: 32, command: ["sleep", "600"], stopTimeout: 1 }] });
    const arn = (await ecs("RunTask", { cluster: "keep", taskDefinition: "idle" })).tasks[0].taskArn as string;
    const task = await until("the task to run", async () => {
      const [t] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [arn] })).tasks;
      return t.lastStatus === "RUNNING" ? t : undefined;
    }, 30_000);
    const before = await credentialsOf(task.containers[0].runtimeId);

    await server!.stop();
    server = undefined;
    await start();

    const after = await credentialsOf(task.containers[0].runtimeId);
    expect(after).toEqual(before);
    const sts = new STSClient({ endpoint: server!.endpoint, region: "us-east-1", credentials: { accessKeyId: after.AccessKeyId, secretAccessKey: after.SecretAccessKey, sessionToken: after.Token } });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::000000000000:assumed-role/keeper/${arn.split("/").pop()}`);
  }, 120_000);
});
