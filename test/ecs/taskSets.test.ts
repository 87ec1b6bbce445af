// Task sets: CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet
// and services whose deploymentController is EXTERNAL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Service, TaskSet } from "../../src/services/ecs/generated/types.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNETS, SUBNET_A, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "ext";
const web: ContainerDefinition = { name: "web", image: "nginx:latest", cpu: 64, memory: 128 };
const NOT_EXTERNAL = "Amazon ECS only supports task set management on services configured to use external deployment controllers.";
const NOT_FOUND = "The specified task set does not exist.";

async function service(name = "s"): Promise<Service> {
  return (await t.ecs("DescribeServices", { cluster: CLUSTER, services: [name] })).services![0];
}

async function taskSet(id: string): Promise<TaskSet> {
  return (await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [id] })).taskSets![0];
}

async function tasksOf(startedBy: string) {
  const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "s" })).taskArns!;
  if (arns.length === 0) return [];
  return (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks!.filter((x) => x.startedBy === startedBy);
}

async function createSet(value?: number, extra: Record<string, unknown> = {}): Promise<TaskSet> {
  const r = await t.ecs("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web", ...(value === undefined ? {} : { scale: { value, unit: "PERCENT" } }), ...extra });
  return r.taskSet!;
}

beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
  await registerInstance(t, CLUSTER, "us-east-1a", 2048, 4096);
  await registerInstance(t, CLUSTER, "us-east-1b", 2048, 4096);
  await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", desiredCount: 3, deploymentController: { type: "EXTERNAL" } });
});

describe("task sets: validation", () => {
  it("requires a task definition and a known scale unit", async () => {
    expect((await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "s" })).code).toBe("ValidationException");
    const e = await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web", scale: { value: 10, unit: "TASKS" } });
    expect(e).toMatchObject({ code: "ClientException", message: "unit should be one of [PERCENT]" });
    expect((await t.ecsError("UpdateTaskSet", { cluster: CLUSTER, service: "s", taskSet: "ecs-svc/1" })).code).toBe("ValidationException");
  });

  it("refuses a scale outside 0-100 and stores nothing", async () => {
    const e = await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web", scale: { value: 150, unit: "PERCENT" } });
    expect(e.code).toBe("InvalidParameterException");
    expect((await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s" })).taskSets).toEqual([]);
  });
});

describe("task sets: errors", () => {
  it("answers unknown clusters and services, and non-EXTERNAL services, in AWS's words", async () => {
    const base = { service: "s", taskDefinition: "web" };
    expect(await t.ecsError("CreateTaskSet", { ...base, cluster: "nope" })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("CreateTaskSet", { ...base, cluster: CLUSTER, service: "nope" })).toMatchObject({ code: "ServiceNotFoundException", message: "Service not found." });
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "rolling", taskDefinition: "web", desiredCount: 0 });
    expect(await t.ecsError("CreateTaskSet", { ...base, cluster: CLUSTER, service: "rolling" })).toMatchObject({ code: "InvalidParameterException", message: NOT_EXTERNAL });
    expect(await t.ecsError("DescribeTaskSets", { cluster: CLUSTER, service: "rolling" })).toMatchObject({ code: "InvalidParameterException", message: NOT_EXTERNAL });
    expect(await t.ecsError("DescribeTaskSets", { cluster: CLUSTER, service: "nope" })).toMatchObject({ code: "ServiceNotFoundException" });
  });

  it("refuses an unknown task definition", async () => {
    expect(await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "nope" })).toMatchObject({
      code: "ClientException",
      message: "Unable to describe task definition.",
    });
  });

  it("answers unknown task sets with TaskSetNotFoundException", async () => {
    const ref = { cluster: CLUSTER, service: "s" };
    expect(await t.ecsError("UpdateTaskSet", { ...ref, taskSet: "ecs-svc/1234567890123456789", scale: { value: 1, unit: "PERCENT" } })).toMatchObject({
      code: "TaskSetNotFoundException",
      message: NOT_FOUND,
    });
    expect(await t.ecsError("DeleteTaskSet", { ...ref, taskSet: "ecs-svc/1234567890123456789" })).toMatchObject({ code: "TaskSetNotFoundException", message: NOT_FOUND });
    expect(await t.ecsError("UpdateServicePrimaryTaskSet", { ...ref, primaryTaskSet: "ecs-svc/1" })).toMatchObject({ code: "TaskSetNotFoundException", message: NOT_FOUND });
  });

  it("refuses an identifier of another resource type", async () => {
    const taskArn = `arn:aws:ecs:us-east-1:000000000000:task/${CLUSTER}/0123456789abcdef0123456789abcdef`;
    expect(await t.ecsError("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [taskArn] })).toMatchObject({
      code: "InvalidParameterException",
      message: "Task Set Identifier is invalid",
    });
  });

  it("allows five task sets per service", async () => {
    for (let i = 0; i < 5; i++) await createSet(0);
    expect(await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web" })).toMatchObject({
      code: "InvalidParameterException",
      message: "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.",
    });
  });

  it("refuses to delete a task set still scaled above 0 unless forced", async () => {
    const ts = await createSet(50);
    const e = await t.ecsError("DeleteTaskSet", { cluster: CLUSTER, service: "s", taskSet: ts.id });
    expect(e.code).toBe("InvalidParameterException");
    expect((await taskSet(ts.id!)).status).toBe("ACTIVE");
  });

  it("refuses task set changes on a service that is not ACTIVE", async () => {
    const ts = await createSet(0);
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "s", force: true });
    expect(await t.ecsError("UpdateTaskSet", { cluster: CLUSTER, service: "s", taskSet: ts.id, scale: { value: 1, unit: "PERCENT" } })).toMatchObject({
      code: "ServiceNotActiveException",
      message: "Service was not ACTIVE.",
    });
  });
});

describe("EXTERNAL services", () => {
  it("are created without a task definition, deployments or tasks", async () => {
    const s = await service();
    expect(s).toMatchObject({ deploymentController: { type: "EXTERNAL" }, desiredCount: 3, taskSets: [], deployments: [], runningCount: 0, status: "ACTIVE" });
    expect(s.taskDefinition).toBeUndefined();
    t.advance(60_000);
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "s" })).taskArns).toEqual([]);
  });

  it("refuse task set fields in UpdateService", async () => {
    const e = await t.ecsError("UpdateService", { cluster: CLUSTER, service: "s", taskDefinition: "web" });
    expect(e.code).toBe("InvalidParameterException");
  });
});

describe("task sets: functionality", () => {
  it("creates an ACTIVE task set with AWS's identifiers, scale 0% by default", async () => {
    const ts = await createSet();
    expect(ts.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(ts).toMatchObject({
      taskSetArn: `arn:aws:ecs:us-east-1:000000000000:task-set/${CLUSTER}/s/${ts.id}`,
      serviceArn: `arn:aws:ecs:us-east-1:000000000000:service/${CLUSTER}/s`,
      status: "ACTIVE",
      taskDefinition: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
      computedDesiredCount: 0,
      launchType: "EC2",
      scale: { value: 0, unit: "PERCENT" },
      stabilityStatus: "STABILIZING",
      loadBalancers: [],
      serviceRegistries: [],
    });
    expect(ts.startedBy).toBeUndefined();
    expect((await taskSet(ts.id!)).stabilityStatus).toBe("STEADY_STATE");
  });

  it("runs ceil(desiredCount × scale) tasks started by the task set, and replaces a stopped one", async () => {
    const ts = await createSet(50);
    expect(ts.computedDesiredCount).toBe(2);
    const tasks = await tasksOf(ts.id!);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((x) => x.group === "service:s" && x.lastStatus === "RUNNING")).toBe(true);
    const live = await taskSet(ts.id!);
    expect(live).toMatchObject({ runningCount: 2, pendingCount: 0, stabilityStatus: "STEADY_STATE" });
    const s = await service();
    expect(s.runningCount).toBe(2);
    const events = s.events!.map((e) => e.message);
    expect(events).toContain(`(service s) has reached a steady state.`);
    expect(events.some((m) => new RegExp(`^\\(service s, taskSet ${ts.id}\\) has started 2 tasks: \\(task [0-9a-f]{32}\\) \\(task [0-9a-f]{32}\\)\\.$`).test(m!))).toBe(true);

    await t.ecs("StopTask", { cluster: CLUSTER, task: tasks[0].taskArn! });
    const after = await tasksOf(ts.id!);
    expect(after.filter((x) => x.desiredStatus === "RUNNING")).toHaveLength(2);
    expect(after.map((x) => x.taskArn)).not.toContain(tasks[0].taskArn);
  });

  it("follows UpdateTaskSet's scale and UpdateService's desired count", async () => {
    const ts = await createSet(100);
    expect(await tasksOf(ts.id!)).toHaveLength(3);
    const upd = await t.ecs("UpdateTaskSet", { cluster: CLUSTER, service: "s", taskSet: ts.taskSetArn!, scale: { value: 34, unit: "PERCENT" } });
    expect(upd.taskSet).toMatchObject({ computedDesiredCount: 2, scale: { value: 34, unit: "PERCENT" } });
    expect((await taskSet(ts.id!)).runningCount).toBe(2);
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "s", desiredCount: 10 });
    const live = await taskSet(ts.id!);
    expect(live).toMatchObject({ computedDesiredCount: 4, runningCount: 4, stabilityStatus: "STEADY_STATE" });
    await t.ecs("UpdateTaskSet", { cluster: CLUSTER, service: "s", taskSet: ts.id!, scale: { value: 0, unit: "PERCENT" } });
    expect((await tasksOf(ts.id!)).filter((x) => x.desiredStatus === "RUNNING")).toHaveLength(0);
    expect((await service()).runningCount).toBe(0);
  });

  it("makes one task set PRIMARY, the previous one ACTIVE, and the service shows the primary's fields", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg"));
    const blue = await createSet(100);
    const green = await createSet(0, { taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: SUBNETS });
    expect(green).toMatchObject({ launchType: "FARGATE", platformFamily: "Linux", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], assignPublicIp: "DISABLED" } } });
    const p1 = await t.ecs("UpdateServicePrimaryTaskSet", { cluster: CLUSTER, service: "s", primaryTaskSet: blue.id! });
    expect(p1.taskSet!.status).toBe("PRIMARY");
    expect((await service()).taskDefinition).toBe(blue.taskDefinition);
    await t.ecs("UpdateServicePrimaryTaskSet", { cluster: CLUSTER, service: "s", primaryTaskSet: green.taskSetArn! });
    const s = await service();
    expect(s.taskSets!.map((x) => [x.id, x.status])).toEqual([
      [blue.id, "ACTIVE"],
      [green.id, "PRIMARY"],
    ]);
    expect(s).toMatchObject({ taskDefinition: green.taskDefinition, launchType: "FARGATE" });
  });

  it("drains a deleted task set: DRAINING, its tasks stop, then it is gone", async () => {
    const slow = await startLocal({ timings: { stoppingMs: 10_000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: CLUSTER });
      await slow.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
      await registerInstance(slow, CLUSTER, "us-east-1a", 2048, 4096);
      await slow.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", desiredCount: 2, deploymentController: { type: "EXTERNAL" } });
      const ts = (await slow.ecs("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web", scale: { value: 100, unit: "PERCENT" } })).taskSet!;
      await slow.ecs("ListTasks", { cluster: CLUSTER });
      const del = await slow.ecs("DeleteTaskSet", { cluster: CLUSTER, service: "s", taskSet: ts.id!, force: true });
      expect(del.taskSet).toMatchObject({ status: "DRAINING", computedDesiredCount: 0 });
      const during = await slow.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [ts.id!] });
      expect(during.taskSets![0].status).toBe("DRAINING");
      slow.advance(60_000);
      const gone = await slow.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [ts.id!] });
      expect(gone).toEqual({ taskSets: [], failures: [{ arn: ts.taskSetArn, reason: "MISSING" }] });
      expect((await slow.ecs("ListTasks", { cluster: CLUSTER, serviceName: "s" })).taskArns).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it("describes by id or ARN, all when none named, with tags on request", async () => {
    const a = await createSet(0, { tags: [{ key: "team", value: "blue" }], externalId: "deploy-1" });
    const b = await createSet(0);
    const all = await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s" });
    expect(all.taskSets!.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(all.taskSets![0].tags).toBeUndefined();
    const some = await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [a.taskSetArn!, b.id!, "ecs-svc/1"], include: ["TAGS"] });
    expect(some.taskSets!.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(some.taskSets![0]).toMatchObject({ externalId: "deploy-1", tags: [{ key: "team", value: "blue" }] });
    expect(some.failures).toEqual([{ arn: `arn:aws:ecs:us-east-1:000000000000:task-set/${CLUSTER}/s/ecs-svc/1`, reason: "MISSING" }]);
  });
});
