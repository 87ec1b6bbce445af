// A task's roles as ECS hands them to its containers: sessions started as ecs-tasks.amazonaws.com,
// named after the task, refreshed an hour before their six hours run out, forgotten when the task
// stops; a role ECS cannot assume stops the task. With a runtime that runs containers only (here a
// stub that reports every start and stop at once); the simulated runtime gets no credentials.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";
import { SUBNETS } from "../helpers/fixtures.js";

class InstantRuntime implements ContainerRuntime {
  readonly kind = "docker";
  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }
  start(run: TaskRun, events: TaskEvents): void {
    queueMicrotask(() => events.started((run.td.containerDefinitions ?? []).map((d) => ({ name: d.name!, status: "RUNNING" }))));
  }
  stop(_run: TaskRun, events: TaskEvents): void {
    queueMicrotask(() => events.stopped());
  }
  async reset(): Promise<void> {}
  async close(): Promise<void> {}
}

const trust = (principal: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
const HOUR = 3600_000;
let t: TestLocal;
const idOf = (arn: string) => arn.split("/").pop()!;
const whoAmI = (c: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) =>
  new STSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken } }).send(new GetCallerIdentityCommand({}));

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setImmediate(r));
    t.advance(0);
  }
}

async function run(family: string): Promise<string> {
  const arn = (await t.ecs("RunTask", { cluster: "default", taskDefinition: family, launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0].taskArn!;
  await settle();
  return arn;
}

const describeTask = async (arn: string) => (await t.ecs("DescribeTasks", { cluster: "default", tasks: [arn] })).tasks![0];
const definition = (family: string, roles: object) => ({ family, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", ...roles, containerDefinitions: [{ name: "app", image: "busybox" }] });

describe("task role credentials", () => {
  beforeAll(async () => {
    t = await startLocal({}, { runtime: new InstantRuntime() });
    const iam = queryCaller(t, "iam");
    await iam.call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: trust({ Service: "ecs-tasks.amazonaws.com" }) });
    await iam.call("CreateRole", { RoleName: "exec", AssumeRolePolicyDocument: trust({ Service: ["ec2.amazonaws.com", "ecs-tasks.amazonaws.com"] }) });
    await iam.call("CreateRole", { RoleName: "people", AssumeRolePolicyDocument: trust({ AWS: "000000000000" }) });
    await t.ecs("CreateCluster", { clusterName: "default" });
    await t.ecs("RegisterTaskDefinition", definition("app", { taskRoleArn: "arn:aws:iam::000000000000:role/app", executionRoleArn: "arn:aws:iam::000000000000:role/exec" }) as never);
    await t.ecs("RegisterTaskDefinition", definition("plain", {}) as never);
    await t.ecs("RegisterTaskDefinition", definition("untrusting", { taskRoleArn: "arn:aws:iam::000000000000:role/people" }) as never);
    await t.ecs("RegisterTaskDefinition", definition("missing", { executionRoleArn: "arn:aws:iam::000000000000:role/nobody" }) as never);
  });
  afterAll(() => t.close());

  it("assumes the task and execution roles as the task's sessions, refreshes them before they expire, and forgets them when the task stops", async () => {
    const arn = await run("app");
    expect((await describeTask(arn)).lastStatus).toBe("RUNNING");
    const held = t.local.ecs.endpoints.task(idOf(arn))!.credentials!;
    expect(held.task!.roleArn).toBe("arn:aws:iam::000000000000:role/app");
    expect(held.execution!.roleArn).toBe("arn:aws:iam::000000000000:role/exec");
    expect(held.task!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(held.token).toMatch(/^[0-9a-f]{64}$/);

    const first = t.local.ecs.endpoints.credentials(held.task!.id)!;
    expect(first.expiration).toBe(t.clock.now() + 6 * HOUR);
    expect((await whoAmI(first)).Arn).toBe(`arn:aws:sts::000000000000:assumed-role/app/${idOf(arn)}`);
    const exec = t.local.ecs.endpoints.credentials(held.execution!.id)!;
    expect((await whoAmI(exec)).Arn).toBe(`arn:aws:sts::000000000000:assumed-role/exec/${idOf(arn)}`);

    t.advance(5 * HOUR - 1);
    expect(t.local.ecs.endpoints.credentials(held.task!.id)!.accessKeyId).toBe(first.accessKeyId);
    t.advance(1);
    const second = t.local.ecs.endpoints.credentials(held.task!.id)!;
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration).toBe(t.clock.now() + 6 * HOUR);
    // The old credentials still work until their own expiration, as STS's do.
    expect((await whoAmI(first)).Arn).toBe(`arn:aws:sts::000000000000:assumed-role/app/${idOf(arn)}`);
    t.advance(HOUR);
    await expect(whoAmI(first)).rejects.toMatchObject({ name: "ExpiredToken" });
    expect((await whoAmI(second)).Arn).toBe(`arn:aws:sts::000000000000:assumed-role/app/${idOf(arn)}`);

    await t.ecs("StopTask", { cluster: "default", task: arn });
    await settle();
    expect((await describeTask(arn)).lastStatus).toBe("STOPPED");
    expect(t.local.ecs.endpoints.credentials(held.task!.id)).toBeUndefined();
    expect(t.local.ecs.endpoints.task(idOf(arn))!.credentials).toBeUndefined();
  });

  it("gives a task without roles no credentials", async () => {
    const arn = await run("plain");
    expect((await describeTask(arn)).lastStatus).toBe("RUNNING");
    expect(t.local.ecs.endpoints.task(idOf(arn))!.credentials).toBeUndefined();
  });

  it("stops a task whose role does not trust ecs-tasks.amazonaws.com, or does not exist, with ECS's text", async () => {
    for (const [family, role] of [["untrusting", "people"], ["missing", "nobody"]]) {
      const arn = await run(family);
      const task = await describeTask(arn);
      expect(task.lastStatus).toBe("STOPPED");
      expect(task.stopCode).toBe("TaskFailedToStart");
      expect(task.stoppedReason).toBe(`ECS was unable to assume the role 'arn:aws:iam::000000000000:role/${role}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`);
      expect(t.local.ecs.endpoints.task(idOf(arn))!.credentials).toBeUndefined();
    }
  });

  it("starts no sessions where nothing runs (the simulated runtime)", async () => {
    const sim = await startLocal();
    try {
      await queryCaller(sim, "iam").call("CreateRole", { RoleName: "app", AssumeRolePolicyDocument: trust({ Service: "ecs-tasks.amazonaws.com" }) });
      await sim.ecs("CreateCluster", { clusterName: "default" });
      await sim.ecs("RegisterTaskDefinition", definition("app", { taskRoleArn: "arn:aws:iam::000000000000:role/people" }) as never);
      const arn = (await sim.ecs("RunTask", { cluster: "default", taskDefinition: "app", launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0].taskArn!;
      sim.advance(0);
      expect((await sim.ecs("DescribeTasks", { cluster: "default", tasks: [arn] })).tasks![0].lastStatus).toBe("RUNNING");
      expect(sim.local.ecs.endpoints.task(idOf(arn))!.credentials).toBeUndefined();
    } finally {
      await sim.close();
    }
  });
});
