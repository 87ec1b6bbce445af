// RunTask, StopTask, DescribeTasks, ListTasks: placement, resources, lifecycle, failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Task } from "../../src/services/ecs/generated/types.js";
import { SUBNET_A, SUBNET_C, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "lab";
const web: ContainerDefinition = { name: "web", image: "nginx:latest", cpu: 128, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] };

async function instance(arn: string) {
  const r = await t.ecs("DescribeContainerInstances", { cluster: CLUSTER, containerInstances: [arn] });
  return r.containerInstances![0];
}

const remaining = (ci: Awaited<ReturnType<typeof instance>>, name: string) => ci.remainingResources!.find((r) => r.name === name)!;

let a: string;
let b: string;
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
  a = await registerInstance(t, CLUSTER, "us-east-1a", 1024, 1024, ["22"]);
  b = await registerInstance(t, CLUSTER, "us-east-1b", 1024, 1024, ["22"]);
});

describe("RunTask: validation and errors", () => {
  it("refuses a count outside 1 to 10", async () => {
    for (const count of [0, 11]) {
      const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web", count });
      expect(e.code).toBe("InvalidParameterException");
      expect(e.message).toBe("Count must be between 1 and 10.");
    }
  });

  it("answers an unknown cluster and task definition as ECS does", async () => {
    expect(await t.ecsError("RunTask", { cluster: "nope", taskDefinition: "web" })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "nope" })).toMatchObject({ code: "ClientException", message: "Unable to describe task definition." });
  });

  it("needs container instances for the EC2 launch type", async () => {
    await t.ecs("CreateCluster", { clusterName: "empty" });
    const e = await t.ecsError("RunTask", { cluster: "empty", taskDefinition: "web" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "No Container Instances were found in your cluster." });
  });

  it("refuses FARGATE for a task definition that is not Fargate-compatible", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web", launchType: "FARGATE" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Task definition does not support launch_type FARGATE." });
  });

  it("refuses both a launch type and a capacity provider strategy", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web", launchType: "EC2", capacityProviderStrategy: [{ capacityProvider: "FARGATE" }] });
    expect(e.message).toBe("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
  });

  it("refuses an inactive task definition and starts nothing", async () => {
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "web:1" });
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web:1" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "TaskDefinition is inactive" });
    expect((await t.ecs("ListTasks", { cluster: CLUSTER })).taskArns).toEqual([]);
  });
});

describe("RunTask: overrides and tags", () => {
  it("refuses an override for a container the task definition lacks", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web", overrides: { containerOverrides: [{ name: "db", memory: 64 }] } });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Override for container named db is not a container in the TaskDefinition." });
  });

  it("applies container overrides to the resources taken and echoes them", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", overrides: { containerOverrides: [{ name: "web", memory: 512, command: ["run"] }] } });
    expect(r.tasks![0].memory).toBe("512");
    expect(r.tasks![0].overrides!.containerOverrides).toEqual([{ name: "web", memory: 512, command: ["run"] }]);
    expect(r.tasks![0].containers![0].memory).toBe("512");
  });

  it("propagates the task definition's tags when asked", async () => {
    const td = await t.ecs("RegisterTaskDefinition", { family: "tagged", containerDefinitions: [web], tags: [{ key: "team", value: "red" }, { key: "env", value: "dev" }] });
    expect(td.taskDefinition!.taskDefinitionArn).toBeDefined();
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "tagged", propagateTags: "TASK_DEFINITION", tags: [{ key: "env", value: "ci" }] });
    const d = await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [r.tasks![0].taskArn!], include: ["TAGS"] });
    expect(d.tasks![0].tags).toEqual([{ key: "team", value: "red" }, { key: "env", value: "ci" }]);
  });
});

describe("RunTask: placement", () => {
  it("starts a bridge task in PENDING that is RUNNING by the next request", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web" });
    expect(r.failures).toEqual([]);
    const task = r.tasks![0];
    expect(task.taskArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:task\/lab\/[0-9a-f]{32}$/);
    expect(task).toMatchObject({ lastStatus: "PENDING", desiredStatus: "RUNNING", group: "family:web", launchType: "EC2", cpu: "128", memory: "256" });
    expect(task.containers![0].containerArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:container\/lab\/[0-9a-f]{32}\/[0-9a-f-]{36}$/);
    expect(task.containers![0].lastStatus).toBe("PENDING");
    const d = await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [task.taskArn!] });
    expect(d.tasks![0]).toMatchObject({ lastStatus: "RUNNING", connectivity: "CONNECTED" });
    expect(d.tasks![0].startedAt).toBeTypeOf("number");
    expect(d.tasks![0].containers![0].lastStatus).toBe("RUNNING");
  });

  it("runs count 1 on one instance, then count 2 one on each", async () => {
    const one = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 1 });
    const two = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 2 });
    expect(two.tasks).toHaveLength(2);
    expect(new Set(two.tasks!.map((x) => x.containerInstanceArn))).toEqual(new Set([a, b]));
    expect([a, b]).toContain(one.tasks![0].containerInstanceArn);
  });

  it("takes CPU, memory and a dynamic host port from the instance, and gives them back on stop", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.availability-zone == us-east-1a" }] });
    const task = r.tasks![0];
    expect(task.containerInstanceArn).toBe(a);
    const binding = task.containers![0].networkBindings![0];
    expect(binding).toMatchObject({ bindIP: "0.0.0.0", containerPort: 80, protocol: "tcp" });
    expect(binding.hostPort).toBeGreaterThanOrEqual(32768);
    let ci = await instance(a);
    expect(remaining(ci, "CPU").integerValue).toBe(1024 - 128);
    expect(remaining(ci, "MEMORY").integerValue).toBe(1024 - 256);
    // A port ECS assigned does not count toward the reserved ports (PortMapping's API reference)…
    expect(remaining(ci, "PORTS").stringSetValue).toEqual(["22"]);
    expect(ci.runningTasksCount).toBe(1);
    // …but it is not handed out twice.
    const second = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.availability-zone == us-east-1a" }] });
    expect(second.tasks![0].containerInstanceArn).toBe(a);
    expect(second.tasks![0].containers![0].networkBindings![0].hostPort).toBe(binding.hostPort! + 1);
    await t.ecs("StopTask", { cluster: CLUSTER, task: second.tasks![0].taskArn! });
    await t.ecs("StopTask", { cluster: CLUSTER, task: task.taskArn! });
    await t.ecs("ListClusters", {});
    ci = await instance(a);
    expect(remaining(ci, "CPU").integerValue).toBe(1024);
    expect(remaining(ci, "MEMORY").integerValue).toBe(1024);
    expect(remaining(ci, "PORTS").stringSetValue).toEqual(["22"]);
  });

  it("reports tasks that do not fit as RESOURCE:MEMORY failures, per instance", async () => {
    await t.ecs("RegisterTaskDefinition", { family: "big", containerDefinitions: [{ name: "big", image: "x", memory: 2048 }] });
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "big" });
    expect(r.tasks).toEqual([]);
    expect(r.failures).toEqual(expect.arrayContaining([{ arn: a, reason: "RESOURCE:MEMORY" }, { arn: b, reason: "RESOURCE:MEMORY" }]));
    expect(r.failures).toHaveLength(2);
  });

  it("places what fits of count 10 and fails the rest", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 10 });
    expect(r.tasks).toHaveLength(8);
    expect(r.failures!.map((f) => f.reason)).toEqual(["RESOURCE:MEMORY", "RESOURCE:MEMORY"]);
  });

  it("refuses a static host port already taken: RESOURCE:PORTS", async () => {
    await t.ecs("RegisterTaskDefinition", { family: "static", containerDefinitions: [{ name: "s", image: "x", memory: 64, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "static", count: 3 });
    expect(r.tasks).toHaveLength(2);
    expect(r.failures!.map((f) => f.reason)).toEqual(["RESOURCE:PORTS", "RESOURCE:PORTS"]);
  });

  it("binpacks on memory when asked", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 3, placementStrategy: [{ type: "binpack", field: "memory" }] });
    expect(new Set(r.tasks!.map((x) => x.containerInstanceArn)).size).toBe(1);
  });

  it("keeps tasks on distinct instances under distinctInstance", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 3, placementConstraints: [{ type: "distinctInstance" }] });
    expect(r.tasks).toHaveLength(2);
    expect(r.failures!.map((f) => f.reason)).toEqual(["DistinctInstance placement constraint unsatisfied.", "DistinctInstance placement constraint unsatisfied."]);
  });
});

describe("RunTask: Fargate", () => {
  beforeEach(async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg", { containerDefinitions: [{ name: "app", image: "busybox", portMappings: [{ containerPort: 8080 }] }] }));
  });

  it("needs a network configuration for awsvpc", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "fg", launchType: "FARGATE" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Network Configuration must be provided when networkMode 'awsvpc' is specified." });
  });

  // awslabs/fargatecli#73: an empty subnet list is its own error, not a missing configuration.
  it("refuses an empty subnet list wherever a network configuration is taken, changing nothing", async () => {
    const net = { awsvpcConfiguration: { subnets: [] } };
    const expectEmpty = (e: { code: string; message: string }) => expect(e).toMatchObject({ code: "InvalidParameterException", message: "subnets can not be empty." });
    expectEmpty(await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: net }));
    expectEmpty(await t.ecsError("StartTask", { cluster: CLUSTER, taskDefinition: "fg", containerInstances: [a], networkConfiguration: net }));
    expectEmpty(await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "empty", taskDefinition: "fg", launchType: "FARGATE", desiredCount: 1, networkConfiguration: net }));
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "fgs", taskDefinition: "fg", launchType: "FARGATE", desiredCount: 1, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_C] } } });
    expectEmpty(await t.ecsError("UpdateService", { cluster: CLUSTER, service: "fgs", networkConfiguration: net }));
    const ext = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "ext", taskDefinition: "fg", desiredCount: 1, deploymentController: { type: "EXTERNAL" } });
    expectEmpty(await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "ext", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: net }));
    const services = await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["empty", "fgs"] });
    expect(services.services!.map((x) => [x.serviceName, x.networkConfiguration?.awsvpcConfiguration?.subnets])).toEqual([["fgs", [SUBNET_C]]]);
    expect(ext.service!.taskSets ?? []).toEqual([]);
    expect((await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "ext" })).taskSets).toEqual([]);
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "fgs", force: true });
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "ext", force: true });
  });

  it("gives the task an elastic network interface with a private address", async () => {
    const r = await t.ecs("RunTask", {
      cluster: CLUSTER,
      taskDefinition: "fg",
      launchType: "FARGATE",
      count: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_C], assignPublicIp: "ENABLED" } },
    });
    expect(r.tasks).toHaveLength(2);
    const task = r.tasks![0];
    expect(task).toMatchObject({ launchType: "FARGATE", platformVersion: "1.4.0", cpu: "256", memory: "512" });
    expect(task.containerInstanceArn).toBeUndefined();
    // RunTask answers the interface PRECREATED, known only by its subnet; the rest appears once ATTACHED.
    expect(task.lastStatus).toBe("PROVISIONING");
    expect(task.attachments).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: "ElasticNetworkInterface", status: "PRECREATED", details: [{ name: "subnetId", value: SUBNET_C }] }]);
    expect(task.containers![0].networkInterfaces).toEqual([]);
    const d = await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: r.tasks!.map((x) => x.taskArn!) });
    const eni = d.tasks![0].attachments![0];
    expect(eni).toMatchObject({ id: task.attachments![0].id, type: "ElasticNetworkInterface", status: "ATTACHED" });
    expect(eni.details!.map((x) => x.name)).toEqual(["subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address"]);
    const details = Object.fromEntries(eni.details!.map((x) => [x.name, x.value]));
    expect(details.subnetId).toBe(SUBNET_C);
    // An address of the subnet's block (the default subnet of us-east-1c is 172.31.32.0/20).
    expect(details.privateIPv4Address).toMatch(/^172\.31\.(3[2-9]|4[0-7])\.\d+$/);
    expect(details.networkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(details.macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(details.privateDnsName).toBe(`ip-${details.privateIPv4Address!.replace(/\./g, "-")}.ec2.internal`);
    expect(d.tasks![0].containers![0].networkInterfaces).toEqual([{ attachmentId: eni.id, privateIpv4Address: details.privateIPv4Address }]);
    expect(d.tasks![1].attachments![0].details!.find((x) => x.name === "privateIPv4Address")!.value).not.toBe(details.privateIPv4Address);
  });

  it("runs on the FARGATE capacity provider", async () => {
    await t.ecs("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [] });
    const r = await t.ecs("RunTask", {
      cluster: CLUSTER,
      taskDefinition: "fg",
      capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
    });
    expect(r.tasks![0]).toMatchObject({ launchType: "FARGATE", capacityProviderName: "FARGATE" });
  });
});

describe("lifecycle", () => {
  it("walks the states in order with configured timings", async () => {
    const slow = await startLocal({ timings: { provisioningMs: 1000, pendingMs: 2000, activatingMs: 500, deactivatingMs: 100, stoppingMs: 100, deprovisioningMs: 100 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: "c" });
      await slow.ecs("RegisterTaskDefinition", fargateTaskDefinition());
      const r = await slow.ecs("RunTask", { cluster: "c", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } });
      const arn = r.tasks![0].taskArn!;
      const status = async () => (await slow.ecs("DescribeTasks", { cluster: "c", tasks: [arn] })).tasks![0];
      const seen: string[] = [(await status()).lastStatus!];
      for (const ms of [1000, 2000, 500]) {
        slow.advance(ms);
        seen.push((await status()).lastStatus!);
      }
      expect(seen).toEqual(["PROVISIONING", "PENDING", "ACTIVATING", "RUNNING"]);
      const stopped = await slow.ecs("StopTask", { cluster: "c", task: arn, reason: "done here" });
      expect(stopped.task).toMatchObject({ desiredStatus: "STOPPED", lastStatus: "RUNNING", stoppedReason: "done here", stopCode: "UserInitiated" });
      const after: string[] = [];
      for (let i = 0; i < 4; i++) {
        after.push((await status()).lastStatus!);
        slow.advance(100);
      }
      expect(after).toEqual(["DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"]);
      const final = await status();
      expect(final.stoppedAt! - final.startedAt!).toBeCloseTo(0.3, 5);
      expect(final.containers![0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 0 });
      expect(final.version).toBeGreaterThan(r.tasks![0].version!);
    } finally {
      await slow.close();
    }
  });

  it("forgets a stopped task after an hour", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web" });
    const arn = r.tasks![0].taskArn!;
    await t.ecs("StopTask", { cluster: CLUSTER, task: arn });
    expect((await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0].lastStatus).toBe("STOPPED");
    t.advance(3_600_000);
    expect((await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).failures).toEqual([{ arn, reason: "MISSING" }]);
  });
});

describe("StopTask", () => {
  it("answers an unknown task as ECS does", async () => {
    const e = await t.ecsError("StopTask", { cluster: CLUSTER, task: "0123456789abcdef0123456789abcdef" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "The referenced task was not found." });
  });

  it("stops by id as well as by ARN, and a second stop changes nothing", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web" });
    const id = r.tasks![0].taskArn!.split("/").pop()!;
    const first = await t.ecs("StopTask", { cluster: CLUSTER, task: id });
    expect(first.task!.stoppedReason).toBe("Task stopped by user");
    const again = await t.ecs("StopTask", { cluster: CLUSTER, task: id, reason: "other" });
    expect(again.task!.stoppedReason).toBe("Task stopped by user");
    expect(again.task!.lastStatus).toBe("STOPPED");
  });
});

describe("DescribeTasks", () => {
  it("refuses an empty list and more than 100", async () => {
    expect((await t.ecsError("DescribeTasks", { cluster: CLUSTER, tasks: [] })).message).toBe("Tasks cannot be empty.");
    const many = Array.from({ length: 101 }, (_, i) => String(i));
    expect((await t.ecsError("DescribeTasks", { cluster: CLUSTER, tasks: many })).message).toBe("taskIds can have at most 100 items.");
  });

  it("reports unknown tasks as MISSING with their ARN", async () => {
    const r = await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: ["abc"] });
    expect(r).toEqual({ tasks: [], failures: [{ arn: "arn:aws:ecs:us-east-1:000000000000:task/lab/abc", reason: "MISSING" }] });
  });

  it("includes tags only when asked", async () => {
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", tags: [{ key: "team", value: "blue" }] });
    const arn = r.tasks![0].taskArn!;
    expect((await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).tasks![0].tags).toEqual([]);
    expect((await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: [arn], include: ["TAGS"] })).tasks![0].tags).toEqual([{ key: "team", value: "blue" }]);
  });
});

describe("ListTasks", () => {
  let tasks: Task[];
  beforeEach(async () => {
    await t.ecs("RegisterTaskDefinition", { family: "other", containerDefinitions: [{ name: "o", image: "x", memory: 64 }] });
    tasks = [
      ...(await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", count: 2, startedBy: "ci" })).tasks!,
      ...(await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "other", count: 3 })).tasks!,
    ];
    await t.ecs("StopTask", { cluster: CLUSTER, task: tasks[4].taskArn! });
  });

  it("lists desired RUNNING tasks by default, STOPPED ones when asked", async () => {
    const running = await t.ecs("ListTasks", { cluster: CLUSTER });
    expect(running.taskArns).toEqual(tasks.slice(0, 4).map((x) => x.taskArn));
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, desiredStatus: "STOPPED" })).taskArns).toEqual([tasks[4].taskArn]);
  });

  it("filters by family, startedBy, container instance and launch type", async () => {
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, family: "web" })).taskArns).toEqual(tasks.slice(0, 2).map((x) => x.taskArn));
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, startedBy: "ci" })).taskArns).toHaveLength(2);
    const onA = tasks.slice(0, 4).filter((x) => x.containerInstanceArn === a).map((x) => x.taskArn);
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, containerInstance: a })).taskArns).toEqual(onA);
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, containerInstance: a.split("/").pop()! })).taskArns).toEqual(onA);
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, launchType: "FARGATE" })).taskArns).toEqual([]);
  });

  it("refuses startedBy beside other filters, and serviceName beside family or an instance", async () => {
    const startedBy = { code: "InvalidParameterException", message: "cannot specify startedBy with other arguments" };
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, startedBy: "ci", family: "web" })).toMatchObject(startedBy);
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, startedBy: "ci", serviceName: "api" })).toMatchObject(startedBy);
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, startedBy: "ci", launchType: "EC2" })).toMatchObject(startedBy);
    const serviceName = { code: "InvalidParameterException", message: "cannot specify serviceName with other arguments" };
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, serviceName: "api", family: "web" })).toMatchObject(serviceName);
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, serviceName: "api", containerInstance: a })).toMatchObject(serviceName);
    expect((await t.ecs("ListTasks", { cluster: CLUSTER, startedBy: "ci", desiredStatus: "STOPPED" })).taskArns).toEqual([]);
  });

  it("refuses a task ARN of another cluster", async () => {
    const arn = tasks[0].taskArn!.replace(`:task/${CLUSTER}/`, ":task/elsewhere/");
    expect(await t.ecsError("DescribeTasks", { cluster: CLUSTER, tasks: [arn] })).toMatchObject({
      code: "InvalidParameterException",
      message: `Invalid identifier: Identifier is for cluster elsewhere. Your cluster is ${CLUSTER}`,
    });
  });

  it("pages with maxResults and nextToken", async () => {
    const first = await t.ecs("ListTasks", { cluster: CLUSTER, maxResults: 3 });
    expect(first.taskArns).toHaveLength(3);
    expect(first.nextToken).toBeTypeOf("string");
    const second = await t.ecs("ListTasks", { cluster: CLUSTER, maxResults: 3, nextToken: first.nextToken });
    expect(second.taskArns).toEqual([tasks[3].taskArn]);
    expect(second.nextToken).toBeUndefined();
    expect((await t.ecsError("ListTasks", { cluster: CLUSTER, nextToken: "garbage!" })).code).toBe("InvalidParameterException");
  });

  it("counts running tasks on the cluster and refuses to delete it", async () => {
    const c = await t.ecs("DescribeClusters", { clusters: [CLUSTER] });
    expect(c.clusters![0]).toMatchObject({ runningTasksCount: 4, pendingTasksCount: 0, registeredContainerInstancesCount: 2 });
  });
});

describe("StartTask", () => {
  it("starts one task on each named instance, and fails those that cannot take it", async () => {
    const r = await t.ecs("StartTask", { cluster: CLUSTER, taskDefinition: "web", containerInstances: [a, b.split("/").pop()!, "ffffffffffffffffffffffffffffffff"], startedBy: "me" });
    expect(r.tasks!.map((x) => x.containerInstanceArn)).toEqual([a, b]);
    expect(r.tasks![0]).toMatchObject({ startedBy: "me", group: "family:web", lastStatus: "PENDING" });
    expect(r.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:container-instance/lab/ffffffffffffffffffffffffffffffff", reason: "MISSING" }]);
    await t.ecs("RegisterTaskDefinition", { family: "big", containerDefinitions: [{ name: "big", image: "x", memory: 2048 }] });
    const big = await t.ecs("StartTask", { cluster: CLUSTER, taskDefinition: "big", containerInstances: [a] });
    expect(big).toEqual({ tasks: [], failures: [{ arn: a, reason: "RESOURCE:MEMORY" }] });
  });
});
