// The runtime seam: with a runtime that holds tasks (as Docker does), a task waits in PENDING until
// its containers run and in STOPPING until they stopped; the runtime's reports become ECS state.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

class FakeRuntime implements ContainerRuntime {
  readonly kind = "docker";
  started = new Map<string, { run: TaskRun; events: TaskEvents }>();
  stopped = new Map<string, TaskEvents>();
  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }
  start(run: TaskRun, events: TaskEvents): void {
    this.started.set(run.task.taskArn!, { run, events });
  }
  stop(run: TaskRun, events: TaskEvents): void {
    this.stopped.set(run.task.taskArn!, events);
  }
  async reset(): Promise<void> {
    this.started.clear();
    this.stopped.clear();
  }
  async close(): Promise<void> {}
}

let t: TestLocal;
const runtime = new FakeRuntime();

beforeAll(async () => {
  t = await startLocal({}, { runtime });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterContainerInstance", { cluster: "c", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
  await t.ecs("RegisterTaskDefinition", {
    family: "app",
    containerDefinitions: [
      { name: "web", image: "busybox", memory: 32, portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: { command: ["CMD-SHELL", "true"] } },
      { name: "side", image: "busybox", memory: 16, essential: false },
    ],
  });
});

const describeTask = async (arn: string) => (await t.ecs("DescribeTasks", { cluster: "c", tasks: [arn] })).tasks![0];
const ports = async () => (await t.ecs("DescribeContainerInstances", { cluster: "c", containerInstances: [(await t.ecs("ListContainerInstances", { cluster: "c" })).containerInstanceArns![0]] })).containerInstances![0].remainingResources!.find((r) => r.name === "PORTS")!.stringSetValue;

async function runAndStart(): Promise<string> {
  const arn = (await t.ecs("RunTask", { cluster: "c", taskDefinition: "app" })).tasks![0].taskArn!;
  t.advance(1000);
  expect((await describeTask(arn)).lastStatus).toBe("PENDING");
  const { run, events } = runtime.started.get(arn)!;
  expect(run.td.family).toBe("app");
  expect(run.instance?.ec2InstanceId).toBe("i-0000000000000001");
  events.started([
    { name: "web", runtimeId: "a".repeat(64), status: "RUNNING", networkBindings: [{ bindIP: "0.0.0.0", containerPort: 80, hostPort: 49153, protocol: "tcp" }] },
    { name: "side", runtimeId: "b".repeat(64), status: "RUNNING" },
  ]);
  t.advance(0);
  return arn;
}

describe("a runtime that holds tasks", () => {
  it("keeps a task PENDING until its containers run, with the engine's ids and ports", async () => {
    const arn = await runAndStart();
    const task = await describeTask(arn);
    expect(task.lastStatus).toBe("RUNNING");
    expect(task.containers!.map((c) => [c.name, c.lastStatus, c.runtimeId?.[0]])).toEqual([
      ["web", "RUNNING", "a"],
      ["side", "RUNNING", "b"],
    ]);
    expect(task.containers![0].networkBindings).toEqual([{ bindIP: "0.0.0.0", containerPort: 80, hostPort: 49153, protocol: "tcp" }]);
    // The port the engine chose for hostPort 0 is a dynamic one: not among the instance's reserved ports.
    expect(await ports()).not.toContain("49153");
    expect(await ports()).not.toContain("32768");
  });

  it("keeps a stopping task in STOPPING until its containers stopped, then frees its ports", async () => {
    const arn = await runAndStart();
    await t.ecs("StopTask", { cluster: "c", task: arn });
    t.advance(1000);
    expect((await describeTask(arn)).lastStatus).toBe("STOPPING");
    const events = runtime.stopped.get(arn)!;
    events.changed({ name: "web", status: "STOPPED", exitCode: 143 });
    events.stopped();
    t.advance(0);
    const task = await describeTask(arn);
    expect(task.lastStatus).toBe("STOPPED");
    expect(task.containers![0].exitCode).toBe(143);
    expect(await ports()).not.toContain("49153");
  });

  it("stops the task when an essential container exits, not when another does", async () => {
    const arn = await runAndStart();
    const { events } = runtime.started.get(arn)!;
    events.changed({ name: "side", status: "STOPPED", exitCode: 0 });
    t.advance(0);
    expect((await describeTask(arn)).desiredStatus).toBe("RUNNING");
    events.changed({ name: "web", status: "STOPPED", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" });
    t.advance(0);
    const task = await describeTask(arn);
    expect(task).toMatchObject({ desiredStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "OutOfMemoryError: Container killed due to memory usage" });
    expect(task.containers![0]).toMatchObject({ exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" });
  });

  it("stops a task that cannot start with the runtime's reason", async () => {
    const arn = (await t.ecs("RunTask", { cluster: "c", taskDefinition: "app" })).tasks![0].taskArn!;
    t.advance(0);
    runtime.started.get(arn)!.events.failed("TaskFailedToStart", "CannotPullContainerError: pull access denied");
    t.advance(0);
    runtime.stopped.get(arn)!.stopped();
    t.advance(0);
    const task = await describeTask(arn);
    expect(task).toMatchObject({ lastStatus: "STOPPED", stopCode: "TaskFailedToStart", stoppedReason: "CannotPullContainerError: pull access denied" });
    expect(task.containers![0].reason).toBe("CannotPullContainerError: pull access denied");
    expect(task.containers![0].exitCode).toBeUndefined();
  });

  it("reports health; an unhealthy essential container stops a service's task but not a standalone one", async () => {
    const arn = await runAndStart();
    const { events } = runtime.started.get(arn)!;
    events.changed({ name: "web", health: "HEALTHY" });
    t.advance(0);
    expect((await describeTask(arn)).healthStatus).toBe("HEALTHY");
    events.changed({ name: "web", health: "UNHEALTHY" });
    t.advance(0);
    expect(await describeTask(arn)).toMatchObject({ healthStatus: "UNHEALTHY", desiredStatus: "RUNNING" });

    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 1 });
    t.advance(0);
    const svcArn = (await t.ecs("ListTasks", { cluster: "c", serviceName: "s" })).taskArns![0];
    const svc = runtime.started.get(svcArn)!.events;
    svc.started([{ name: "web", status: "RUNNING" }, { name: "side", status: "RUNNING" }]);
    t.advance(0);
    svc.changed({ name: "web", health: "UNHEALTHY" });
    t.advance(0);
    expect(await describeTask(svcArn)).toMatchObject({ desiredStatus: "STOPPED", stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed container health checks" });
  });
});
