// UpdateTaskProtection, GetTaskProtection, and the scheduler leaving protected tasks alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Service, Task } from "../../src/services/ecs/generated/types.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { registerInstance } from "../helpers/fixtures.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "prot";
const web: ContainerDefinition = { name: "web", image: "nginx", cpu: 128, memory: 128 };
const MINUTE = 60_000;
const nowSeconds = () => t.clock.now() / 1000;

async function serviceTasks(name = "api"): Promise<Task[]> {
  const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: name })).taskArns!;
  return arns.length ? (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks! : [];
}

async function service(name = "api"): Promise<Service> {
  return (await t.ecs("DescribeServices", { cluster: CLUSTER, services: [name] })).services![0];
}

async function protect(tasks: string[], minutes?: number) {
  return t.ecs("UpdateTaskProtection", { cluster: CLUSTER, tasks, protectionEnabled: true, ...(minutes ? { expiresInMinutes: minutes } : {}) });
}

async function protection(arn: string) {
  return (await t.ecs("GetTaskProtection", { cluster: CLUSTER, tasks: [arn] })).protectedTasks![0];
}

beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ ...web, image: "nginx:2" }] });
  await registerInstance(t, CLUSTER, "us-east-1a", 2048, 2048);
});

async function startService(count: number): Promise<Task[]> {
  await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: count });
  return serviceTasks();
}

describe("validation and errors", () => {
  it("requires protectionEnabled and a task list", async () => {
    expect((await t.ecsError("UpdateTaskProtection", { cluster: CLUSTER, tasks: ["x"] })).code).toBe("ValidationException");
    expect(await t.ecsError("UpdateTaskProtection", { cluster: CLUSTER, tasks: [], protectionEnabled: true })).toMatchObject({ code: "InvalidParameterException", message: "Tasks cannot be empty." });
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(await t.ecsError("UpdateTaskProtection", { cluster: CLUSTER, tasks: eleven, protectionEnabled: true })).toMatchObject({ code: "InvalidParameterException", message: "tasks can have at most 10 items." });
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expect(await t.ecsError("GetTaskProtection", { cluster: CLUSTER, tasks: many })).toMatchObject({ code: "InvalidParameterException", message: "tasks can have at most 100 items." });
  });

  it("answers an unknown cluster as AWS does", async () => {
    for (const op of ["UpdateTaskProtection", "GetTaskProtection"] as const) {
      const e = await t.ecsError(op, { cluster: "nope", tasks: ["x"], protectionEnabled: true });
      expect(e).toMatchObject({ status: 400, code: "ClusterNotFoundException", message: "Cluster not found." });
    }
  });

  it("refuses expiresInMinutes outside 1–2880 and stores nothing", async () => {
    const [task] = await startService(1);
    for (const minutes of [0, -5, 2881]) {
      const e = await t.ecsError("UpdateTaskProtection", { cluster: CLUSTER, tasks: [task.taskArn], protectionEnabled: true, expiresInMinutes: minutes });
      expect(e).toMatchObject({ code: "InvalidParameterException", message: "expiresInMinutes must be between 1 and 2880." });
    }
    expect(await protection(task.taskArn!)).toEqual({ taskArn: task.taskArn, protectionEnabled: false });
    // Clearing protection pays no attention to the duration.
    const r = await t.ecs("UpdateTaskProtection", { cluster: CLUSTER, tasks: [task.taskArn!], protectionEnabled: false, expiresInMinutes: 0 });
    expect(r.protectedTasks).toEqual([{ taskArn: task.taskArn, protectionEnabled: false }]);
  });

  it("reports unknown tasks as MISSING and tasks outside a service, or stopping, as TASK_NOT_VALID", async () => {
    const [svcTask] = await startService(1);
    const standalone = (await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web:1" })).tasks![0];
    const stopped = (await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web:1" })).tasks![0];
    await t.ecs("StopTask", { cluster: CLUSTER, task: stopped.taskArn! });
    const clusterArn = svcTask.clusterArn!;
    const missingArn = `${clusterArn.replace(":cluster/", ":task/")}/${"0".repeat(32)}`;
    const r = await t.ecs("UpdateTaskProtection", {
      cluster: CLUSTER,
      tasks: ["f".repeat(32), missingArn, standalone.taskArn!, stopped.taskArn!, svcTask.taskArn!],
      protectionEnabled: true,
    });
    expect(r.failures).toEqual([
      { arn: `${clusterArn.replace(":cluster/", ":task/")}/${"f".repeat(32)}`, reason: "MISSING" },
      { arn: missingArn, reason: "MISSING" },
      { arn: standalone.taskArn, reason: "TASK_NOT_VALID" },
      { arn: stopped.taskArn, reason: "TASK_NOT_VALID" },
    ]);
    expect(r.protectedTasks!.map((p) => p.taskArn)).toEqual([svcTask.taskArn]);
    const g = await t.ecs("GetTaskProtection", { cluster: CLUSTER, tasks: [standalone.taskArn!.split("/").pop()!] });
    expect(g).toEqual({ protectedTasks: [], failures: [{ arn: standalone.taskArn, reason: "TASK_NOT_VALID" }] });
  });
});

describe("protection and its expiry", () => {
  it("protects for 120 minutes by default, dated from the clock", async () => {
    const [task] = await startService(1);
    const before = nowSeconds();
    const r = await protect([task.taskArn!.split("/").pop()!]);
    expect(r).toEqual({ protectedTasks: [{ taskArn: task.taskArn, protectionEnabled: true, expirationDate: before + 7200 }], failures: [] });
    expect(await protection(task.taskArn!)).toEqual({ taskArn: task.taskArn, protectionEnabled: true, expirationDate: before + 7200 });
    t.advance(119 * MINUTE);
    expect((await protection(task.taskArn!)).protectionEnabled).toBe(true);
    t.advance(MINUTE);
    expect(await protection(task.taskArn!)).toEqual({ taskArn: task.taskArn, protectionEnabled: false });
  });

  it("takes a custom duration, resets it on every call, and clears on request", async () => {
    const [task] = await startService(1);
    const start = nowSeconds();
    await protect([task.taskArn!], 5);
    expect((await protection(task.taskArn!)).expirationDate).toBe(start + 300);
    t.advance(4 * MINUTE);
    const r = await protect([task.taskArn!], 5);
    expect(r.protectedTasks![0].expirationDate).toBe(start + 240 + 300);
    t.advance(2 * MINUTE);
    expect((await protection(task.taskArn!)).protectionEnabled).toBe(true);
    const off = await t.ecs("UpdateTaskProtection", { cluster: CLUSTER, tasks: [task.taskArn!], protectionEnabled: false });
    expect(off.protectedTasks).toEqual([{ taskArn: task.taskArn, protectionEnabled: false }]);
    expect(await protection(task.taskArn!)).toEqual({ taskArn: task.taskArn, protectionEnabled: false });
  });

  it("lists the cluster's protected tasks when no task is named", async () => {
    const tasks = await startService(3);
    await protect([tasks[0].taskArn!, tasks[2].taskArn!], 10);
    const r = await t.ecs("GetTaskProtection", { cluster: CLUSTER });
    expect(r.protectedTasks!.map((p) => p.taskArn).sort()).toEqual([tasks[0].taskArn, tasks[2].taskArn].sort());
    expect(r.protectedTasks!.every((p) => p.protectionEnabled)).toBe(true);
    t.advance(10 * MINUTE);
    expect((await t.ecs("GetTaskProtection", { cluster: CLUSTER })).protectedTasks).toEqual([]);
  });
});

describe("the service scheduler", () => {
  it("scales in around protected tasks, and finishes the scale-in when protection runs out", async () => {
    const tasks = await startService(3);
    const kept = [tasks[0].taskArn!, tasks[1].taskArn!];
    await protect(kept, 5);
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 1 });
    let live = (await serviceTasks()).filter((x) => x.desiredStatus === "RUNNING");
    expect(live.map((x) => x.taskArn).sort()).toEqual([...kept].sort());
    expect((await service()).runningCount).toBe(2);
    t.advance(5 * MINUTE);
    live = (await serviceTasks()).filter((x) => x.desiredStatus === "RUNNING");
    expect(live).toHaveLength(1);
    expect((await service()).runningCount).toBe(1);
  });

  it("goes on with the scale-in as soon as protection is cleared", async () => {
    const tasks = await startService(2);
    await protect([tasks[0].taskArn!, tasks[1].taskArn!]);
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 0 });
    expect((await service()).runningCount).toBe(2);
    await t.ecs("UpdateTaskProtection", { cluster: CLUSTER, tasks: [tasks[1].taskArn!], protectionEnabled: false });
    const live = (await serviceTasks()).filter((x) => x.desiredStatus === "RUNNING");
    expect(live.map((x) => x.taskArn)).toEqual([tasks[0].taskArn]);
  });

  it("lets a deployment start new tasks but waits for protected old ones", async () => {
    const [old] = await startService(1);
    await protect([old.taskArn!], 30);
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    let s = await service();
    expect(s.deployments).toHaveLength(2);
    expect(s.deployments![0]).toMatchObject({ rolloutState: "IN_PROGRESS", runningCount: 1 });
    expect(s.events!.some((e) => e.message!.includes("unable to stop or start tasks"))).toBe(false);
    const live = (await serviceTasks()).filter((x) => x.desiredStatus === "RUNNING");
    expect(live.map((x) => x.taskDefinitionArn!.split(":").pop()).sort()).toEqual(["1", "2"]);
    t.advance(30 * MINUTE);
    s = await service();
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments![0].rolloutState).toBe("COMPLETED");
    const after = await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [old.taskArn!] });
    expect(after.tasks![0]).toMatchObject({ desiredStatus: "STOPPED", stopCode: "ServiceSchedulerInitiated" });
  });
});
