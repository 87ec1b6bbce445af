// Tasks as ECS shows them: the first status by network mode, container runtime ids, Fargate storage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SUBNETS, SUBNET_A, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "shape";
const container = { name: "app", image: "nginx", cpu: 64, memory: 128 };
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await registerInstance(t, CLUSTER, "us-east-1a", 2048, 2048);
  for (const networkMode of ["bridge", "host", "awsvpc"] as const) {
    await t.ecs("RegisterTaskDefinition", { family: networkMode, networkMode, containerDefinitions: [container] });
  }
  await t.ecs("RegisterTaskDefinition", { family: "default", containerDefinitions: [container] });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg"));
});

const run = async (taskDefinition: string, extra: Record<string, unknown> = {}) => (await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition, ...extra })).tasks![0];
const describeTask = async (arn: string) => (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0];

describe("the first status", () => {
  it("is PENDING for an EC2 task in bridge or host mode, or with no network mode", async () => {
    for (const family of ["bridge", "host", "default"]) {
      const task = await run(family);
      expect([family, task.lastStatus, task.attachments]).toEqual([family, "PENDING", []]);
      expect(task.connectivity).toBeUndefined();
      expect(task.pullStartedAt).toBeUndefined();
      const running = await describeTask(task.taskArn!);
      expect(running).toMatchObject({ lastStatus: "RUNNING", connectivity: "CONNECTED" });
      expect(running.pullStartedAt).toBeTypeOf("number");
    }
  });

  it("is PROVISIONING for a task that needs an elastic network interface", async () => {
    expect((await run("awsvpc", { networkConfiguration: SUBNETS })).lastStatus).toBe("PROVISIONING");
    expect((await run("fg", { launchType: "FARGATE", networkConfiguration: SUBNETS })).lastStatus).toBe("PROVISIONING");
  });

  it("counts a PENDING task as pending on its cluster and instance until it runs", async () => {
    const slow = await startLocal({ timings: { pendingMs: 5000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: CLUSTER });
      await registerInstance(slow, CLUSTER, "us-east-1a");
      await slow.ecs("RegisterTaskDefinition", { family: "bridge", containerDefinitions: [container] });
      const task = (await slow.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "bridge" })).tasks![0];
      expect(task.lastStatus).toBe("PENDING");
      const cluster = (await slow.ecs("DescribeClusters", { clusters: [CLUSTER] })).clusters![0];
      expect([cluster.pendingTasksCount, cluster.runningTasksCount]).toEqual([1, 0]);
      slow.advance(5000);
      const after = (await slow.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [task.taskArn!] })).tasks![0];
      expect(after.lastStatus).toBe("RUNNING");
    } finally {
      await slow.close();
    }
  });
});

describe("the elastic network interface", () => {
  it("gets its id and addresses when the agent reports it ATTACHED before the lifecycle does", async () => {
    const slow = await startLocal({ timings: { provisioningMs: 60_000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: CLUSTER });
      await slow.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg"));
      const task = (await slow.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } })).tasks![0];
      const eni = task.attachments![0];
      expect(eni.details).toEqual([{ name: "subnetId", value: SUBNET_A }]);
      const arn = `${task.clusterArn!.replace(/:cluster\/.*/, ":attachment/")}${eni.id}`;
      await slow.ecs("SubmitAttachmentStateChanges", { cluster: CLUSTER, attachments: [{ attachmentArn: arn, status: "ATTACHED" }] });
      const after = (await slow.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [task.taskArn!] })).tasks![0];
      expect(after.lastStatus).toBe("PROVISIONING");
      expect(after.attachments![0].status).toBe("ATTACHED");
      expect(after.attachments![0].details!.map((d) => d.name)).toEqual(["subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address"]);
      expect(after.containers![0].networkInterfaces![0].attachmentId).toBe(eni.id);
    } finally {
      await slow.close();
    }
  });
});

describe("containers", () => {
  it("carry no runtimeId before they run, and Docker's 64-hex id once RUNNING on EC2", async () => {
    const task = await run("bridge");
    expect(task.containers![0].runtimeId).toBeUndefined();
    const running = await describeTask(task.taskArn!);
    expect(running.containers![0].runtimeId).toMatch(/^[0-9a-f]{64}$/);
    await t.ecs("StopTask", { cluster: CLUSTER, task: task.taskArn! });
    expect((await describeTask(task.taskArn!)).containers![0].runtimeId).toBe(running.containers![0].runtimeId);
  });

  it("carry `<task id>-<digits>` on Fargate", async () => {
    const task = await run("fg", { launchType: "FARGATE", networkConfiguration: SUBNETS });
    const id = task.taskArn!.split("/").pop()!;
    const running = await describeTask(task.taskArn!);
    expect(running.containers![0].runtimeId).toMatch(new RegExp(`^${id}-\\d{9,10}$`));
  });
});

describe("Fargate storage", () => {
  it("answers fargateEphemeralStorage beside ephemeralStorage, 20 GiB by default", async () => {
    const task = await run("fg", { launchType: "FARGATE", networkConfiguration: SUBNETS });
    expect(task.ephemeralStorage).toEqual({ sizeInGiB: 20 });
    expect(task.fargateEphemeralStorage).toEqual({ sizeInGiB: 20 });
    const ec2 = await run("bridge");
    expect(ec2.ephemeralStorage).toBeUndefined();
    expect(ec2.fargateEphemeralStorage).toBeUndefined();
  });

  it("answers the size the task definition asked for", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("big", { ephemeralStorage: { sizeInGiB: 50 } }));
    const task = await run("big", { launchType: "FARGATE", networkConfiguration: SUBNETS });
    expect(task.ephemeralStorage).toEqual({ sizeInGiB: 50 });
    expect(task.fargateEphemeralStorage).toEqual({ sizeInGiB: 50 });
  });
});
