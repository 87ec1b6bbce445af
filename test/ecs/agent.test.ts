// The calls the container agent makes: DiscoverPollEndpoint, Submit*StateChange(s), UpdateContainerAgent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Task } from "../../src/services/ecs/generated/types.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNET_A, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "agent";
const web: ContainerDefinition = { name: "web", image: "nginx", cpu: 128, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] };
const sidecar: ContainerDefinition = { name: "log", image: "fluentbit", cpu: 64, memory: 64, essential: false };
let instance: string;

beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web, sidecar] });
  instance = await registerInstance(t, CLUSTER, "us-east-1a", 2048, 2048);
});

async function runTask(local = t, family = "web"): Promise<Task> {
  return (await local.ecs("RunTask", { cluster: CLUSTER, taskDefinition: family })).tasks![0];
}

async function describeTask(arn: string, local = t): Promise<Task> {
  return (await local.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0];
}

describe("DiscoverPollEndpoint", () => {
  it("answers the region's numbered endpoints", async () => {
    expect(await t.ecs("DiscoverPollEndpoint", { containerInstance: instance, cluster: CLUSTER })).toEqual({
      endpoint: "https://ecs-a-1.us-east-1.amazonaws.com/",
      telemetryEndpoint: "https://ecs-t-1.us-east-1.amazonaws.com/",
      serviceConnectEndpoint: "https://ecs-sc-1.us-east-1.amazonaws.com/",
    });
    const eu = await t.ecs("DiscoverPollEndpoint", {}, { region: "eu-west-1" });
    expect(eu.endpoint).toBe("https://ecs-a-1.eu-west-1.amazonaws.com/");
    const cn = await t.ecs("DiscoverPollEndpoint", {}, { region: "cn-north-1" });
    expect(cn.telemetryEndpoint).toBe("https://ecs-t-1.cn-north-1.amazonaws.com.cn/");
  });

  it("checks member types", async () => {
    expect((await t.ecsError("DiscoverPollEndpoint", { cluster: 5 })).code).toBe("SerializationException");
  });
});

describe("SubmitTaskStateChange", () => {
  it("refuses an unknown cluster, task or container, changing nothing", async () => {
    const task = await describeTask((await runTask()).taskArn!);
    expect(await t.ecsError("SubmitTaskStateChange", { cluster: "nope", task: task.taskArn, status: "STOPPED" })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("SubmitTaskStateChange", { cluster: CLUSTER, task: "0".repeat(32), status: "STOPPED" })).toMatchObject({ code: "InvalidParameterException", message: "The referenced task was not found." });
    const e = await t.ecsError("SubmitTaskStateChange", { cluster: CLUSTER, task: task.taskArn, status: "STOPPED", containers: [{ containerName: "web", exitCode: 1 }, { containerName: "ghost" }] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: `Container ghost not found in task ${task.taskArn}.` });
    const after = await describeTask(task.taskArn!);
    expect(after).toMatchObject({ lastStatus: "RUNNING", desiredStatus: "RUNNING", version: task.version });
    expect(after.containers!.find((c) => c.name === "web")!.exitCode).toBeUndefined();
  });

  it("stops the task on a STOPPED report, with the agent's reason and the containers' exit codes", async () => {
    const task = await runTask();
    const r = await t.ecs("SubmitTaskStateChange", {
      cluster: CLUSTER,
      task: task.taskArn!.split("/").pop(),
      status: "STOPPED",
      reason: "Essential container in task exited",
      containers: [{ containerName: "web", runtimeId: "abc123", status: "STOPPED", exitCode: 2, reason: "OutOfMemoryError: Container killed due to memory usage" }],
      executionStoppedAt: 1_700_000_000,
    });
    expect(r).toEqual({ acknowledgment: "ACK" });
    const after = await describeTask(task.taskArn!);
    expect(after).toMatchObject({ lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", executionStoppedAt: 1_700_000_000 });
    const [w, log] = after.containers!;
    expect(w).toMatchObject({ name: "web", lastStatus: "STOPPED", exitCode: 2, runtimeId: "abc123", reason: "OutOfMemoryError: Container killed due to memory usage" });
    // The other container was running and is stopped cleanly with its task.
    expect(log).toMatchObject({ name: "log", lastStatus: "STOPPED", exitCode: 0 });
  });

  it("moves a starting task to RUNNING at once on a RUNNING report", async () => {
    const slow = await startLocal({ timings: { provisioningMs: 60_000, pendingMs: 60_000, activatingMs: 60_000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: CLUSTER });
      await slow.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web, sidecar] });
      await registerInstance(slow, CLUSTER, "us-east-1a", 2048, 2048);
      const task = await runTask(slow);
      expect(task.lastStatus).toBe("PENDING");
      const pulled = slow.clock.now() / 1000 - 5;
      await slow.ecs("SubmitTaskStateChange", { cluster: CLUSTER, task: task.taskArn, status: "RUNNING", pullStartedAt: pulled, pullStoppedAt: pulled + 3 });
      const after = await describeTask(task.taskArn!, slow);
      expect(after).toMatchObject({ lastStatus: "RUNNING", startedAt: slow.clock.now() / 1000, pullStartedAt: pulled, pullStoppedAt: pulled + 3, connectivity: "CONNECTED" });
      expect(after.containers!.every((c) => c.lastStatus === "RUNNING")).toBe(true);
      // The timers the task had no longer move it.
      slow.advance(180_000);
      expect((await describeTask(task.taskArn!, slow)).lastStatus).toBe("RUNNING");
    } finally {
      await slow.close();
    }
  });

  it("makes a service replace the task the agent reports stopped", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 1 });
    const [first] = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
    await t.ecs("SubmitTaskStateChange", { cluster: CLUSTER, task: first, status: "STOPPED", reason: "Essential container in task exited" });
    const now = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
  });
});

describe("SubmitContainerStateChange", () => {
  it("refuses an unknown task or container", async () => {
    const task = await runTask();
    expect(await t.ecsError("SubmitContainerStateChange", { cluster: CLUSTER, task: "f".repeat(32), containerName: "web", status: "STOPPED" })).toMatchObject({ code: "InvalidParameterException", message: "The referenced task was not found." });
    expect(await t.ecsError("SubmitContainerStateChange", { cluster: CLUSTER, task: task.taskArn, containerName: "db", status: "STOPPED" })).toMatchObject({ code: "InvalidParameterException", message: `Container db not found in task ${task.taskArn}.` });
    expect(await t.ecsError("SubmitContainerStateChange", { cluster: "nope", task: task.taskArn, containerName: "web" })).toMatchObject({ code: "ClusterNotFoundException" });
  });

  it("records a non-essential container's exit without stopping the task, and DescribeTasks shows it", async () => {
    const task = await runTask();
    await describeTask(task.taskArn!);
    const r = await t.ecs("SubmitContainerStateChange", { cluster: CLUSTER, task: task.taskArn, containerName: "log", status: "STOPPED", exitCode: 0, reason: "done" });
    expect(r).toEqual({ acknowledgment: "ACK" });
    const after = await describeTask(task.taskArn!);
    expect(after).toMatchObject({ lastStatus: "RUNNING", desiredStatus: "RUNNING" });
    expect(after.version).toBeGreaterThan(task.version!);
    expect(after.containers!.find((c) => c.name === "log")).toMatchObject({ lastStatus: "STOPPED", exitCode: 0, reason: "done" });
  });

  it("stops the task when an essential container stops", async () => {
    const task = await runTask();
    const bindings = [{ bindIP: "0.0.0.0", containerPort: 80, hostPort: 32770, protocol: "tcp" as const }];
    await t.ecs("SubmitContainerStateChange", { cluster: CLUSTER, task: task.taskArn, containerName: "web", status: "RUNNING", networkBindings: bindings });
    expect((await describeTask(task.taskArn!)).containers![0].networkBindings).toEqual(bindings);
    await t.ecs("SubmitContainerStateChange", { cluster: CLUSTER, task: task.taskArn, containerName: "web", status: "STOPPED", exitCode: 137 });
    const after = await describeTask(task.taskArn!);
    expect(after).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" });
    expect(after.containers![0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 137 });
  });
});

describe("SubmitAttachmentStateChanges", () => {
  it("sets the status of a task's network interface, and refuses an unknown attachment", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
    const task = (await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } })).tasks![0];
    const eni = task.attachments![0];
    const arn = `${task.clusterArn!.replace(/:cluster\/.*/, ":attachment/")}${eni.id}`;
    const missing = await t.ecsError("SubmitAttachmentStateChanges", { cluster: CLUSTER, attachments: [{ attachmentArn: arn, status: "DETACHED" }, { attachmentArn: `${arn}0`, status: "DETACHED" }] });
    expect(missing).toMatchObject({ code: "InvalidParameterException", message: `Attachment not found: ${arn}0` });
    expect((await describeTask(task.taskArn!)).attachments![0].status).toBe("ATTACHED");
    expect(await t.ecs("SubmitAttachmentStateChanges", { cluster: CLUSTER, attachments: [{ attachmentArn: arn, status: "DETACHED" }] })).toEqual({ acknowledgment: "ACK" });
    expect((await describeTask(task.taskArn!)).attachments![0].status).toBe("DETACHED");
  });

  it("requires attachments", async () => {
    expect((await t.ecsError("SubmitAttachmentStateChanges", { cluster: CLUSTER })).code).toBe("ValidationException");
  });
});

describe("UpdateContainerAgent", () => {
  it("answers that an instance's agent is current", async () => {
    const e = await t.ecsError("UpdateContainerAgent", { cluster: CLUSTER, containerInstance: instance });
    expect(e).toEqual({ status: 400, code: "NoUpdateAvailableException", message: "There is no update available for your container agent." });
  });

  it("cannot update an agent that reports no version", async () => {
    const r = await t.ecs("RegisterContainerInstance", { cluster: CLUSTER, versionInfo: { agentVersion: "" } });
    const e = await t.ecsError("UpdateContainerAgent", { cluster: CLUSTER, containerInstance: r.containerInstance!.containerInstanceArn });
    expect(e).toMatchObject({ code: "MissingVersionException", message: "Amazon ECS is unable to determine the current version of the container agent on this container instance." });
  });

  it("refuses an unknown cluster or instance", async () => {
    expect(await t.ecsError("UpdateContainerAgent", { cluster: "nope", containerInstance: instance })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("UpdateContainerAgent", { cluster: CLUSTER, containerInstance: "a".repeat(32) })).toMatchObject({ code: "ClientException", message: `Referenced container instance ${"a".repeat(32)} not found.` });
    expect((await t.ecsError("UpdateContainerAgent", { cluster: CLUSTER })).code).toBe("ValidationException");
  });
});
