// Services as ECS echoes them: network defaults, not-found texts, counts right after an update, MISSING ARNs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SG, SUBNET_A, SUBNET_B, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "svc";
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await registerInstance(t, CLUSTER, "us-east-1a", 4096, 4096);
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg"));
  for (const image of ["nginx:1", "nginx:2"]) await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image, memory: 64 }] });
});

const deployments = (s: { deployments?: { status?: string; desiredCount?: number; runningCount?: number; pendingCount?: number }[] }) =>
  s.deployments!.map((d) => [d.status, d.desiredCount, d.runningCount, d.pendingCount]);
const describe1 = async (name: string) => (await t.ecs("DescribeServices", { cluster: CLUSTER, services: [name] })).services![0];

describe("awsvpcConfiguration", () => {
  it("echoes assignPublicIp DISABLED when it was not given, on the service and its deployment", async () => {
    const input = { cluster: CLUSTER, serviceName: "api", taskDefinition: "fg", desiredCount: 1, launchType: "FARGATE" as const };
    const r = await t.ecs("CreateService", { ...input, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], securityGroups: [DEFAULT_SG] } } });
    const expected = { awsvpcConfiguration: { subnets: [SUBNET_A], securityGroups: [DEFAULT_SG], assignPublicIp: "DISABLED" } };
    expect(r.service!.networkConfiguration).toEqual(expected);
    expect(r.service!.deployments![0].networkConfiguration).toEqual(expected);
    // The same request again is the same service (the filled-in default does not break idempotence).
    await t.ecs("CreateService", { ...input, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], securityGroups: [DEFAULT_SG] } } });
    const u = await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_B] } } });
    expect(u.service!.networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [SUBNET_B], assignPublicIp: "DISABLED" } });
    expect(u.service!.deployments![0].networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [SUBNET_B], assignPublicIp: "DISABLED" } });
  });

  it("keeps ENABLED when it was given", async () => {
    const r = await t.ecs("CreateService", {
      cluster: CLUSTER,
      serviceName: "pub",
      taskDefinition: "fg",
      desiredCount: 1,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], assignPublicIp: "ENABLED" } },
    });
    expect(r.service!.networkConfiguration!.awsvpcConfiguration!.assignPublicIp).toBe("ENABLED");
  });
});

describe("CreateService with a task definition that does not exist", () => {
  it("answers ClientException 'TaskDefinition not found.' and stores nothing", async () => {
    for (const taskDefinition of ["ghost", "web:9", "arn:aws:ecs:us-east-1:000000000000:task-definition/ghost:1"]) {
      const e = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition, desiredCount: 1 });
      expect(`${e.code}: ${e.message}`).toBe("ClientException: TaskDefinition not found.");
    }
    expect((await t.ecs("ListServices", { cluster: CLUSTER })).serviceArns).toEqual([]);
  });
});

describe("right after UpdateService", () => {
  it("a new desired count shows on the service at once and on the PRIMARY deployment when the scheduler takes it up", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "web", taskDefinition: "web:1", desiredCount: 2 });
    expect(deployments(await describe1("web"))).toEqual([["PRIMARY", 2, 2, 0]]);
    const u = await t.ecs("UpdateService", { cluster: CLUSTER, service: "web", desiredCount: 4 });
    expect([u.service!.desiredCount, u.service!.runningCount, u.service!.pendingCount]).toEqual([4, 2, 0]);
    expect(deployments(u.service!)).toEqual([["PRIMARY", 2, 2, 0]]);
    expect(deployments(await describe1("web"))).toEqual([["PRIMARY", 4, 4, 0]]);
  });

  // The AWS CLI's update-service.rst, examples 1 and 3: the new PRIMARY deployment answers desiredCount 0.
  it("a new deployment is PRIMARY wanting nothing yet, then the service's count once the scheduler takes it up", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "web", taskDefinition: "web:1", desiredCount: 2 });
    await describe1("web");
    const u = await t.ecs("UpdateService", { cluster: CLUSTER, service: "web", taskDefinition: "web:2" });
    expect(deployments(u.service!)).toEqual([
      ["PRIMARY", 0, 0, 0],
      ["ACTIVE", 2, 2, 0],
    ]);
    expect([u.service!.runningCount, u.service!.pendingCount]).toEqual([2, 0]);
    expect(deployments(await describe1("web"))[0]).toEqual(["PRIMARY", 2, 2, 0]);
  });
});

describe("an inactive task definition", () => {
  it("UpdateService answers ClientException 'TaskDefinition is inactive' and keeps the deployment", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "web", taskDefinition: "web:1", desiredCount: 1 });
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "web:2" });
    const e = await t.ecsError("UpdateService", { cluster: CLUSTER, service: "web", taskDefinition: "web:2" });
    expect(`${e.code}: ${e.message}`).toBe("ClientException: TaskDefinition is inactive");
    expect((await describe1("web")).deployments!.map((d) => d.taskDefinition)).toEqual(["arn:aws:ecs:us-east-1:000000000000:task-definition/web:1"]);
  });
});

describe("DescribeServices failures", () => {
  it("reports a service given by name as MISSING with an ARN without the cluster", async () => {
    const arn = "arn:aws:ecs:us-east-1:000000000000:service/svc/other";
    const r = await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["ghost", arn] });
    expect(r.services).toEqual([]);
    expect(r.failures).toEqual([
      { arn: "arn:aws:ecs:us-east-1:000000000000:service/ghost", reason: "MISSING" },
      { arn, reason: "MISSING" },
    ]);
  });
});
