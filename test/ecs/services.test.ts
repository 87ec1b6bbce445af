// CreateService, DescribeServices, ListServices, UpdateService, DeleteService and the scheduler behind them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Service } from "../../src/services/ecs/generated/types.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNET_A, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "svc";
const web: ContainerDefinition = { name: "web", image: "nginx:latest", cpu: 128, memory: 256 };
const STEADY = (name: string) => `(service ${name}) has reached a steady state.`;

async function describe1(name: string, cluster = CLUSTER): Promise<Service> {
  const r = await t.ecs("DescribeServices", { cluster, services: [name] });
  return r.services![0];
}

async function serviceTasks(name: string) {
  const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: name })).taskArns!;
  if (arns.length === 0) return [];
  return (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks!;
}

const messages = (s: Service) => s.events!.map((e) => e.message!);

let a: string;
let b: string;
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
  a = await registerInstance(t, CLUSTER, "us-east-1a");
  b = await registerInstance(t, CLUSTER, "us-east-1b");
});

describe("CreateService: validation and errors", () => {
  it("refuses a desired count for DAEMON and requires one for REPLICA", async () => {
    const e = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "d", taskDefinition: "web", schedulingStrategy: "DAEMON", desiredCount: 1 });
    expect(e).toMatchObject({
      code: "InvalidParameterException",
      message: "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again",
    });
    const r = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "r", taskDefinition: "web" });
    expect(r.code).toBe("InvalidParameterException");
  });

  it("refuses a bad name, an unknown cluster and an unknown task definition, storing nothing", async () => {
    expect((await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "bad name", taskDefinition: "web", desiredCount: 1 })).code).toBe("InvalidParameterException");
    expect(await t.ecsError("CreateService", { cluster: "nope", serviceName: "s", taskDefinition: "web", desiredCount: 1 })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "nope", desiredCount: 1 })).toMatchObject({
      code: "ClientException",
      message: "TaskDefinition not found.",
    });
    expect((await t.ecs("ListServices", { cluster: CLUSTER })).serviceArns).toEqual([]);
  });

  it("answers an identical re-create with the service, a different one as not idempotent", async () => {
    const input = { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1 };
    const first = await t.ecs("CreateService", input);
    const again = await t.ecs("CreateService", input);
    expect(again.service!.serviceArn).toBe(first.service!.serviceArn);
    expect(again.service!.deployments![0].id).toBe(first.service!.deployments![0].id);
    const e = await t.ecsError("CreateService", { ...input, desiredCount: 2 });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Creation of service was not idempotent." });
  });

  it("refuses to create over a DRAINING service", async () => {
    const slow = await startLocal({ timings: { stoppingMs: 10_000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: CLUSTER });
      await slow.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
      await registerInstance(slow, CLUSTER, "us-east-1a");
      await slow.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1 });
      await slow.ecs("ListServices", { cluster: CLUSTER });
      await slow.ecs("DeleteService", { cluster: CLUSTER, service: "s", force: true });
      const e = await slow.ecsError("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1 });
      expect(e).toMatchObject({ code: "InvalidParameterException", message: "Unable to Start a service that is still Draining." });
    } finally {
      await slow.close();
    }
  });
});

describe("CreateService: REPLICA", () => {
  it("answers AWS's shape and settles before the first poll", async () => {
    const r = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 3, tags: [{ key: "team", value: "a" }] });
    const s = r.service!;
    expect(s).toMatchObject({
      serviceArn: "arn:aws:ecs:us-east-1:000000000000:service/svc/api",
      serviceName: "api",
      status: "ACTIVE",
      desiredCount: 3,
      runningCount: 0,
      pendingCount: 0,
      launchType: "EC2",
      schedulingStrategy: "REPLICA",
      deploymentController: { type: "ECS" },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 },
      placementStrategy: [],
      placementConstraints: [],
      events: [],
      propagateTags: "NONE",
      enableECSManagedTags: false,
    });
    const d = s.deployments![0];
    expect(d.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(d).toMatchObject({ status: "PRIMARY", desiredCount: 3, runningCount: 0, rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment ${d.id} in progress.` });
    expect(s.tags).toBeUndefined();

    // services-stable: one deployment and runningCount == desiredCount at the first poll.
    const now = await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["api"], include: ["TAGS"] });
    const live = now.services![0];
    expect(live.tags).toEqual([{ key: "team", value: "a" }]);
    expect(live.deployments).toHaveLength(1);
    expect(live.runningCount).toBe(3);
    expect(live.deployments![0]).toMatchObject({ rolloutState: "COMPLETED", rolloutStateReason: `ECS deployment ${d.id} completed.`, runningCount: 3 });
    const tasks = await serviceTasks("api");
    expect(tasks).toHaveLength(3);
    expect(new Set(tasks.map((x) => x.startedBy))).toEqual(new Set([d.id]));
    expect(tasks.every((x) => x.group === "service:api")).toBe(true);
    // Spread over the two zones: 2 and 1.
    const perInstance = [a, b].map((ci) => tasks.filter((x) => x.containerInstanceArn === ci).length).sort();
    expect(perInstance).toEqual([1, 2]);
    const ev = messages(live);
    expect(ev[0]).toBe(STEADY("api"));
    expect(ev[1]).toBe(`(service api) (deployment ${d.id}) deployment completed.`);
    expect(ev[2]).toMatch(/^\(service api\) has started 3 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
  });

  it("replaces a task that is stopped", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 2 });
    const before = await serviceTasks("api");
    await t.ecs("StopTask", { cluster: CLUSTER, task: before[0].taskArn! });
    const after = await serviceTasks("api");
    expect(after).toHaveLength(2);
    expect(after.map((x) => x.taskArn)).not.toContain(before[0].taskArn);
    const s = await describe1("api");
    expect(s.runningCount).toBe(2);
    expect(messages(s).slice(0, 2)).toEqual([STEADY("api"), expect.stringMatching(/^\(service api\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/)]);
  });

  it("scales up and down with events, stopping with the scheduler's reason", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 1 });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 3 });
    expect((await describe1("api")).runningCount).toBe(3);
    const three = await serviceTasks("api");
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 1 });
    const s = await describe1("api");
    expect(s.runningCount).toBe(1);
    expect(s.deployments).toHaveLength(1);
    expect(messages(s)[0]).toBe(STEADY("api"));
    expect(messages(s)[1]).toMatch(/^\(service api\) has stopped 2 running tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    const stopped = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: three.map((x) => x.taskArn!) })).tasks!.filter((x) => x.lastStatus === "STOPPED");
    expect(stopped).toHaveLength(2);
    expect(stopped[0]).toMatchObject({ stopCode: "ServiceSchedulerInitiated", stoppedReason: `Scaling activity initiated by (deployment ${s.deployments![0].id})` });
  });

  it("writes a placement failure once, and places when capacity arrives", async () => {
    await t.ecs("RegisterTaskDefinition", { family: "big", containerDefinitions: [{ name: "big", image: "x", cpu: 128, memory: 700 }] });
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "big", taskDefinition: "big", desiredCount: 3 });
    let s = await describe1("big");
    expect(s.runningCount).toBe(2);
    const failure = messages(s)[0];
    expect(failure).toMatch(
      /^\(service big\) was unable to place a task because no container instance met all of its requirements\. The closest matching container-instance [0-9a-f]{32} has insufficient memory available\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/,
    );
    await t.ecs("StopTask", { cluster: CLUSTER, task: (await serviceTasks("big"))[0].taskArn! });
    s = await describe1("big");
    expect(messages(s).filter((m) => m === failure)).toHaveLength(1);
    await registerInstance(t, CLUSTER, "us-east-1c");
    s = await describe1("big");
    expect(s.runningCount).toBe(3);
    expect(messages(s)[0]).toBe(STEADY("big"));
  });

  it("says so when the cluster has no instances", async () => {
    await t.ecs("CreateCluster", { clusterName: "empty" });
    await t.ecs("CreateService", { cluster: "empty", serviceName: "s", taskDefinition: "web", desiredCount: 1 });
    const s = await describe1("s", "empty");
    expect(messages(s)).toEqual([
      "(service s) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
    ]);
    expect(s.deployments![0].rolloutState).toBe("IN_PROGRESS");
  });
});

describe("CreateService: DAEMON", () => {
  it("runs one task per instance, follows instances, and replaces a stopped task", async () => {
    const r = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "agent", taskDefinition: "web", schedulingStrategy: "DAEMON" });
    expect(r.service!.deploymentConfiguration).toMatchObject({ maximumPercent: 100, minimumHealthyPercent: 0 });
    let s = await describe1("agent");
    expect(s).toMatchObject({ desiredCount: 2, runningCount: 2, schedulingStrategy: "DAEMON" });
    let tasks = await serviceTasks("agent");
    expect(tasks.map((x) => x.containerInstanceArn).sort()).toEqual([a, b].sort());

    await t.ecs("StopTask", { cluster: CLUSTER, task: tasks[0].taskArn! });
    tasks = await serviceTasks("agent");
    expect(tasks.map((x) => x.containerInstanceArn).sort()).toEqual([a, b].sort());

    const c = await registerInstance(t, CLUSTER, "us-east-1c");
    s = await describe1("agent");
    expect(s).toMatchObject({ desiredCount: 3, runningCount: 3 });
    expect((await serviceTasks("agent")).map((x) => x.containerInstanceArn)).toContain(c);

    await t.ecs("UpdateContainerInstancesState", { cluster: CLUSTER, containerInstances: [c], status: "DRAINING" });
    s = await describe1("agent");
    expect(s).toMatchObject({ desiredCount: 2, runningCount: 2 });
    expect((await serviceTasks("agent")).map((x) => x.containerInstanceArn)).not.toContain(c);
  });

  it("refuses a desired count on update", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "agent", taskDefinition: "web", schedulingStrategy: "DAEMON" });
    const e = await t.ecsError("UpdateService", { cluster: CLUSTER, service: "agent", desiredCount: 3 });
    expect(e.code).toBe("InvalidParameterException");
  });
});

describe("REPLICA on a draining instance", () => {
  it("moves the tasks elsewhere", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 2 });
    await t.ecs("UpdateContainerInstancesState", { cluster: CLUSTER, containerInstances: [a], status: "DRAINING" });
    const tasks = await serviceTasks("api");
    expect(tasks).toHaveLength(2);
    expect(tasks.every((x) => x.containerInstanceArn === b)).toBe(true);
    expect((await describe1("api")).runningCount).toBe(2);
  });
});

describe("DescribeServices, ListServices", () => {
  it("validates the list and reports unknown services as MISSING", async () => {
    expect(await t.ecsError("DescribeServices", { cluster: CLUSTER, services: [] })).toMatchObject({ code: "InvalidParameterException", message: "Services cannot be empty." });
    const eleven = Array.from({ length: 11 }, (_, i) => `s${i}`);
    expect(await t.ecsError("DescribeServices", { cluster: CLUSTER, services: eleven })).toMatchObject({ code: "InvalidParameterException", message: "service names can have at most 10 items." });
    const r = await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["ghost", "arn:aws:ecs:us-east-1:000000000000:service/svc/other"] });
    expect(r.failures).toEqual([
      { arn: "arn:aws:ecs:us-east-1:000000000000:service/ghost", reason: "MISSING" },
      { arn: "arn:aws:ecs:us-east-1:000000000000:service/svc/other", reason: "MISSING" },
    ]);
    expect(await t.ecsError("DescribeServices", { cluster: CLUSTER, services: ["arn:aws:ecs:us-east-1:000000000000:service/jan7/api"] })).toMatchObject({
      code: "InvalidParameterException",
      message: `Invalid identifier: Identifier is for cluster jan7. Your cluster is ${CLUSTER}`,
    });
  });

  it("finds by ARN, filters and pages", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "d", taskDefinition: "web", schedulingStrategy: "DAEMON" });
    for (let i = 0; i < 12; i++) await t.ecs("CreateService", { cluster: CLUSTER, serviceName: `r${i}`, taskDefinition: "web", desiredCount: 0 });
    const byArn = await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["arn:aws:ecs:us-east-1:000000000000:service/svc/r3"] });
    expect(byArn.services![0].serviceName).toBe("r3");

    const first = await t.ecs("ListServices", { cluster: CLUSTER });
    expect(first.serviceArns).toHaveLength(10);
    const second = await t.ecs("ListServices", { cluster: CLUSTER, nextToken: first.nextToken });
    expect(second.serviceArns).toHaveLength(3);
    expect(second.nextToken).toBeUndefined();
    expect((await t.ecs("ListServices", { cluster: CLUSTER, schedulingStrategy: "DAEMON" })).serviceArns).toEqual(["arn:aws:ecs:us-east-1:000000000000:service/svc/d"]);
    expect((await t.ecs("ListServices", { cluster: CLUSTER, launchType: "FARGATE" })).serviceArns).toEqual([]);
  });
});

describe("UpdateService / DeleteService: errors", () => {
  it("answers unknown and inactive services as AWS does", async () => {
    expect(await t.ecsError("UpdateService", { cluster: CLUSTER, service: "ghost", desiredCount: 1 })).toMatchObject({ code: "ServiceNotFoundException", message: "Service not found." });
    expect(await t.ecsError("DeleteService", { cluster: CLUSTER, service: "ghost" })).toMatchObject({ code: "ServiceNotFoundException", message: "Service not found." });
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 0 });
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "s" });
    expect(await t.ecsError("UpdateService", { cluster: CLUSTER, service: "s", desiredCount: 1 })).toMatchObject({ code: "ServiceNotActiveException", message: "Service was not ACTIVE." });
  });

  it("ListTasks names an unknown service", async () => {
    expect(await t.ecsError("ListTasks", { cluster: CLUSTER, serviceName: "ghost" })).toMatchObject({ code: "ServiceNotFoundException", message: "Service not found." });
  });
});

describe("DeleteService", () => {
  it("refuses a scaled-up service without force", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 2 });
    const e = await t.ecsError("DeleteService", { cluster: CLUSTER, service: "api" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "The service cannot be stopped while it is scaled above 0." });
    expect((await describe1("api")).status).toBe("ACTIVE");
  });

  it("drains with force, stops the tasks, and turns INACTIVE", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 2 });
    await describe1("api");
    const r = await t.ecs("DeleteService", { cluster: CLUSTER, service: "api", force: true });
    expect(r.service).toMatchObject({ status: "DRAINING", desiredCount: 0 });
    expect((await t.ecs("ListServices", { cluster: CLUSTER })).serviceArns).toEqual([]);
    const s = await describe1("api");
    expect(s.status).toBe("INACTIVE");
    expect(await serviceTasks("api")).toEqual([]);
  });

  it("after scaling to 0 needs no force", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 1 });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 0 });
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "api" });
    expect((await describe1("api")).status).toBe("INACTIVE");
    // An INACTIVE service's name is free again.
    const again = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web", desiredCount: 1 });
    expect(again.service!.status).toBe("ACTIVE");
  });
});

describe("Fargate", () => {
  it("runs a Fargate service with awsvpc", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
    const e = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "fg", taskDefinition: "fg", desiredCount: 2, launchType: "FARGATE" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Network Configuration must be provided when networkMode 'awsvpc' is specified." });
    const net = { awsvpcConfiguration: { subnets: [SUBNET_A], assignPublicIp: "ENABLED" as const } };
    const r = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "fg", taskDefinition: "fg", desiredCount: 2, launchType: "FARGATE", networkConfiguration: net });
    expect(r.service).toMatchObject({ launchType: "FARGATE", platformVersion: "LATEST", networkConfiguration: net });
    const s = await describe1("fg");
    expect(s.runningCount).toBe(2);
    const tasks = await serviceTasks("fg");
    expect(tasks.every((x) => x.launchType === "FARGATE" && x.containerInstanceArn === undefined)).toBe(true);
  });
});
