// ExecuteCommand: the checks ECS makes before it opens an ECS Exec session, and the session it answers with.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNET_A, fargateTaskDefinition } from "../helpers/fixtures.js";

const SUBNETS = { awsvpcConfiguration: { subnets: [SUBNET_A] } };

const CLUSTER = "exec";
const NOT_ENABLED =
  "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn\u2019t running. Wait and try again or run a new task with execute command enabled and try again.";

let t: TestLocal;
beforeAll(async () => (t = await startLocal({ timings: { provisioningMs: 1000 } as never })));
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("one"));
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("two", { containerDefinitions: [{ name: "app", image: "nginx" }, { name: "sidecar", image: "busybox" }] }));
});

/** Runs a task and lets it reach RUNNING; answers its ARN. */
async function running(family: string, enableExecuteCommand = true): Promise<string> {
  const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: family, launchType: "FARGATE", networkConfiguration: SUBNETS, enableExecuteCommand });
  t.advance(1000);
  return r.tasks![0].taskArn!;
}

const exec = (task: string, extra: Record<string, unknown> = {}) => ({ cluster: CLUSTER, task, command: "/bin/sh", interactive: true, ...extra });

describe("validation", () => {
  it("requires the task, the command and the interactive flag", async () => {
    for (const input of [{ command: "ls", interactive: true }, { task: "t", interactive: true }, { task: "t", command: "ls" }]) {
      expect((await t.ecsError("ExecuteCommand", input)).code).toBe("ValidationException");
    }
  });
});

describe("errors", () => {
  it("an unknown cluster", async () => {
    expect(await t.ecsError("ExecuteCommand", exec("x", { cluster: "nope" }))).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
  });

  it("a session that is not interactive", async () => {
    const task = await running("one");
    expect(await t.ecsError("ExecuteCommand", exec(task, { interactive: false }))).toMatchObject({
      code: "InvalidParameterException",
      message: "Interactive is the only mode supported currently.",
    });
  });

  it("an unknown task", async () => {
    expect(await t.ecsError("ExecuteCommand", exec("0123456789abcdef0123456789abcdef"))).toMatchObject({
      code: "InvalidParameterException",
      message: "The referenced task was not found.",
    });
  });

  it("a task run without execute command", async () => {
    const task = await running("one", false);
    expect(await t.ecsError("ExecuteCommand", exec(task))).toMatchObject({ code: "InvalidParameterException", message: NOT_ENABLED });
  });

  it("a task that is not RUNNING yet, or any more", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "one", launchType: "FARGATE", networkConfiguration: SUBNETS, enableExecuteCommand: true });
    const task = r.tasks![0].taskArn!;
    expect(await t.ecsError("ExecuteCommand", exec(task))).toMatchObject({ code: "InvalidParameterException", message: NOT_ENABLED });
    t.advance(1000);
    await t.ecs("ExecuteCommand", exec(task));
    await t.ecs("StopTask", { cluster: CLUSTER, task });
    expect(await t.ecsError("ExecuteCommand", exec(task))).toMatchObject({ code: "InvalidParameterException", message: NOT_ENABLED });
  });

  it("several containers and none named, or a name the task lacks", async () => {
    const task = await running("two");
    expect(await t.ecsError("ExecuteCommand", exec(task))).toMatchObject({
      code: "InvalidParameterException",
      message: "A container name must be specified when the task has more than one container.",
    });
    expect(await t.ecsError("ExecuteCommand", exec(task, { container: "db" }))).toMatchObject({
      code: "InvalidParameterException",
      message: "The container db does not exist in the task.",
    });
  });
});

describe("functionality", () => {
  it("opens a session on the only container of a task named by id", async () => {
    const arn = await running("one");
    const r = await t.ecs("ExecuteCommand", exec(arn.split("/").pop()!));
    const task = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0];
    expect(r).toMatchObject({
      clusterArn: task.clusterArn,
      taskArn: arn,
      containerName: "app",
      containerArn: task.containers![0].containerArn,
      interactive: true,
    });
    const { sessionId, streamUrl, tokenValue } = r.session!;
    expect(sessionId).toMatch(/^ecs-execute-command-[0-9a-f]{17}$/);
    expect(streamUrl).toMatch(new RegExp(`^wss://ssmmessages\\.us-east-1\\.amazonaws\\.com/v1/data-channel/${sessionId}\\?role=publish_subscribe&cell-number=[A-Za-z0-9_-]+$`));
    expect(tokenValue!.length).toBeGreaterThan(100);
    const again = await t.ecs("ExecuteCommand", exec(arn));
    expect(again.session!.sessionId).not.toBe(sessionId);
  });

  it("runs in the named container of a task with several", async () => {
    const arn = await running("two");
    const r = await t.ecs("ExecuteCommand", exec(arn, { container: "sidecar" }));
    const task = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0];
    expect(r.containerName).toBe("sidecar");
    expect(r.containerArn).toBe(task.containers!.find((c) => c.name === "sidecar")!.containerArn);
  });

  it("shows the ExecuteCommandAgent on the containers of exec-enabled tasks, and stops it with them", async () => {
    const arn = await running("one");
    const plain = await running("one", false);
    const [task, other] = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn, plain] })).tasks!;
    expect(task.containers![0].managedAgents).toEqual([{ name: "ExecuteCommandAgent", lastStatus: "RUNNING", lastStartedAt: task.startedAt }]);
    expect(other.containers![0].managedAgents).toBeUndefined();
    await t.ecs("StopTask", { cluster: CLUSTER, task: arn });
    t.advance(0);
    const stopped = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0];
    expect(stopped.lastStatus).toBe("STOPPED");
    expect(stopped.containers![0].managedAgents![0].lastStatus).toBe("STOPPED");
  });

  it("works for a service's tasks when the service enables execute command", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "one", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS, enableExecuteCommand: true });
    t.advance(1000);
    const [arn] = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "s" })).taskArns!;
    expect((await t.ecs("ExecuteCommand", exec(arn))).taskArn).toBe(arn);
  });
});
