// Rolling deployments: new PRIMARY, old ACTIVE drained within minimumHealthyPercent/maximumPercent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerDefinition, Service } from "../../src/services/ecs/generated/types.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { registerInstance } from "../helpers/fixtures.js";

const CLUSTER = "roll";
const web = (image: string): ContainerDefinition => ({ name: "web", image, cpu: 128, memory: 128 });

async function setup(t: TestLocal): Promise<void> {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web("nginx:1")] });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web("nginx:2")] });
  await registerInstance(t, CLUSTER, "us-east-1a");
  await registerInstance(t, CLUSTER, "us-east-1b");
}

async function describe1(t: TestLocal, name = "api"): Promise<Service> {
  return (await t.ecs("DescribeServices", { cluster: CLUSTER, services: [name] })).services![0];
}

/** Tasks per task definition revision that still want to run, and how many of them are RUNNING. */
async function census(t: TestLocal) {
  const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
  const tasks = arns.length ? (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks! : [];
  const of = (rev: string) => tasks.filter((x) => x.taskDefinitionArn!.endsWith(rev));
  return { v1: of(":1").length, v2: of(":2").length, running: tasks.filter((x) => x.lastStatus === "RUNNING").length };
}

describe("with the default timings", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal()));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  it("a new task definition is deployed and settled before the first poll", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 2 });
    const r = await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    const [primary, old] = r.service!.deployments!;
    expect(primary).toMatchObject({ status: "PRIMARY", rolloutState: "IN_PROGRESS", taskDefinition: expect.stringMatching(/web:2$/) });
    expect(old).toMatchObject({ status: "ACTIVE", taskDefinition: expect.stringMatching(/web:1$/) });
    const s = await describe1(t);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments![0]).toMatchObject({ id: primary.id, rolloutState: "COMPLETED" });
    expect(s.runningCount).toBe(2);
    expect(await census(t)).toEqual({ v1: 0, v2: 2, running: 2 });
  });

  it("forceNewDeployment replaces the tasks with the same definition", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 1 });
    const before = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
    const r = await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", forceNewDeployment: true });
    expect(r.service!.deployments).toHaveLength(2);
    const after = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
  });

  it("a desiredCount change alone makes no deployment", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 1 });
    const r = await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", desiredCount: 2 });
    expect(r.service!.deployments).toHaveLength(1);
  });

  it("says so when the deployment configuration allows no move", async () => {
    await t.ecs("CreateService", {
      cluster: CLUSTER,
      serviceName: "api",
      taskDefinition: "web:1",
      desiredCount: 2,
      deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 100 },
    });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    const s = await describe1(t);
    expect(s.deployments).toHaveLength(2);
    expect(s.events![0].message).toBe(
      "(service api) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.",
    );
    expect(await census(t)).toEqual({ v1: 2, v2: 0, running: 2 });
    // Loosening the configuration lets the deployment go on.
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", deploymentConfiguration: { minimumHealthyPercent: 50 } });
    expect((await describe1(t)).deployments).toHaveLength(1);
    expect(await census(t)).toEqual({ v1: 0, v2: 2, running: 2 });
  });
});

describe("with timed transitions", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal({ timings: { pendingMs: 1000, stoppingMs: 1000 } as never })));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  async function created(config: { maximumPercent: number; minimumHealthyPercent: number }) {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 2, deploymentConfiguration: config });
    t.advance(1000);
    expect(await census(t)).toEqual({ v1: 2, v2: 0, running: 2 });
  }

  it("200/100 starts every new task first, then stops the old ones", async () => {
    await created({ maximumPercent: 200, minimumHealthyPercent: 100 });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    let s = await describe1(t);
    expect(s.deployments!.map((d) => [d.status, d.runningCount, d.pendingCount])).toEqual([
      ["PRIMARY", 0, 2],
      ["ACTIVE", 2, 0],
    ]);
    t.advance(1000);
    // New tasks are RUNNING, so the old ones may go: they are stopping.
    expect(await census(t)).toEqual({ v1: 0, v2: 2, running: 2 });
    s = await describe1(t);
    expect(s.deployments).toHaveLength(2);
    expect(s.deployments![0].rolloutState).toBe("IN_PROGRESS");
    t.advance(1000);
    s = await describe1(t);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments![0].rolloutState).toBe("COMPLETED");
    expect(s.events![0].message).toBe("(service api) has reached a steady state.");
  });

  it("100/50 never runs more than the desired count and keeps one task running", async () => {
    await created({ maximumPercent: 100, minimumHealthyPercent: 50 });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    // One old task stops to make room, one new one starts.
    expect(await census(t)).toEqual({ v1: 1, v2: 1, running: 1 });
    t.advance(1000);
    expect(await census(t)).toEqual({ v1: 0, v2: 2, running: 1 });
    t.advance(1000);
    expect(await census(t)).toEqual({ v1: 0, v2: 2, running: 2 });
    t.advance(1000);
    const s = await describe1(t);
    expect(s.deployments).toHaveLength(1);
    expect(s.runningCount).toBe(2);
  });
});

describe("ListServiceDeployments, DescribeServiceDeployments, ListServicesByNamespace, tags", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal()));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  it("lists and describes each deployment with its outcome", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 1 });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    await describe1(t);
    const list = await t.ecs("ListServiceDeployments", { cluster: CLUSTER, service: "api" });
    // The first deployment had completed before the update came.
    expect(list.serviceDeployments!.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    const running = await t.ecs("ListServiceDeployments", { cluster: CLUSTER, service: "api", status: ["IN_PROGRESS"] });
    expect(running.serviceDeployments).toEqual([]);
    const paged = await t.ecs("ListServiceDeployments", { cluster: CLUSTER, service: "api", maxResults: 1 });
    expect(paged.serviceDeployments).toHaveLength(1);
    expect(paged.nextToken).toBeDefined();
    const arn = list.serviceDeployments![0].serviceDeploymentArn!;
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:service-deployment\/roll\/api\/\w+$/);
    const ghost = "arn:aws:ecs:us-east-1:000000000000:service-deployment/roll/api/nope";
    const d = await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: [arn, ghost] });
    expect(d.serviceDeployments![0]).toMatchObject({ status: "SUCCESSFUL", targetServiceRevision: { requestedTaskCount: 1, runningTaskCount: 1 } });
    expect(d.failures).toEqual([{ arn: ghost, reason: "MISSING" }]);
    expect(await t.ecsError("ListServiceDeployments", { cluster: CLUSTER, service: "ghost" })).toMatchObject({ code: "ServiceNotFoundException", message: "Service not found." });
  });

  it("lists services by Service Connect namespace", async () => {
    // The cluster's default namespace name makes the Cloud Map namespace the service then names.
    await t.ecs("UpdateCluster", { cluster: CLUSTER, serviceConnectDefaults: { namespace: "internal" } });
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 0, serviceConnectConfiguration: { enabled: true, namespace: "internal" } });
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "other", taskDefinition: "web:1", desiredCount: 0 });
    const r = await t.ecs("ListServicesByNamespace", { namespace: "internal" });
    expect(r.serviceArns).toEqual(["arn:aws:ecs:us-east-1:000000000000:service/roll/api"]);
    expect((await t.ecs("ListServicesByNamespace", { namespace: "elsewhere" })).serviceArns).toEqual([]);
  });

  it("propagates the service's tags to its tasks", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 1, propagateTags: "SERVICE", tags: [{ key: "env", value: "dev" }] });
    const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
    const task = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns, include: ["TAGS"] })).tasks![0];
    expect(task.tags).toEqual([{ key: "env", value: "dev" }]);
  });
});
