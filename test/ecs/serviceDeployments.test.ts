// Service revisions (DescribeServiceRevisions) and stopping or continuing service deployments.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNET_A, SUBNET_B, fargateTaskDefinition } from "../helpers/fixtures.js";

const SUBNETS = { awsvpcConfiguration: { subnets: [SUBNET_A] } };

const CLUSTER = "revs";
const ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000";

/** Starting takes a second, so a deployment stays IN_PROGRESS until the clock moves. */
const SLOW = { timings: { provisioningMs: 1000, stoppingMs: 1000 } as never };

async function setup(t: TestLocal): Promise<void> {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web", { containerDefinitions: [{ name: "app", image: "nginx:1" }] }));
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web", { containerDefinitions: [{ name: "app", image: "nginx:2" }] }));
}

async function create(t: TestLocal, extra: Record<string, unknown> = {}) {
  const input = { cluster: CLUSTER, serviceName: "api", taskDefinition: "web:1", desiredCount: 2, launchType: "FARGATE" as const, networkConfiguration: SUBNETS, ...extra };
  return (await t.ecs("CreateService", input)).service!;
}

async function service(t: TestLocal) {
  return (await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["api"] })).services![0];
}

async function serviceDeployment(t: TestLocal, arn: string) {
  return (await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: [arn] })).serviceDeployments![0];
}

async function taskDefinitionsRunning(t: TestLocal): Promise<string[]> {
  const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "api" })).taskArns!;
  const tasks = arns.length ? (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks! : [];
  return tasks.filter((x) => x.lastStatus === "RUNNING").map((x) => x.taskDefinitionArn!.split("/").pop()!);
}

describe("DescribeServiceRevisions", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal()));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  it("validation: the ARN list is required", async () => {
    const e = await t.ecsError("DescribeServiceRevisions", {});
    expect(e.code).toBe("ValidationException");
  });

  it("errors: an empty list, or more than 20 ARNs", async () => {
    expect(await t.ecsError("DescribeServiceRevisions", { serviceRevisionArns: [] })).toMatchObject({
      code: "InvalidParameterException",
      message: "Service revision ARNs cannot be empty.",
    });
    const many = Array.from({ length: 21 }, (_, i) => `${ARN_PREFIX}:service-revision/${CLUSTER}/api/${i}`);
    expect(await t.ecsError("DescribeServiceRevisions", { serviceRevisionArns: many })).toMatchObject({
      code: "InvalidParameterException",
      message: "serviceRevisionArns can have at most 20 items.",
    });
  });

  it("reports unknown and malformed ARNs as MISSING", async () => {
    await create(t);
    const unknown = `${ARN_PREFIX}:service-revision/${CLUSTER}/api/1234567890123456789`;
    const r = await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [unknown, "not-an-arn"] });
    expect(r.serviceRevisions).toEqual([]);
    expect(r.failures).toEqual([
      { arn: unknown, reason: "MISSING" },
      { arn: "not-an-arn", reason: "MISSING" },
    ]);
  });

  it("describes the revision a deployment targets, as it was configured", async () => {
    await create(t);
    const s = await service(t);
    const sd = await serviceDeployment(t, s.currentServiceDeployment!);
    const arn = sd.targetServiceRevision!.arn!;
    expect(arn).toBe(`${ARN_PREFIX}:service-revision/${CLUSTER}/api/${s.deployments![0].id!.slice("ecs-svc/".length)}`);
    const r = await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [arn] });
    expect(r.failures).toEqual([]);
    expect(r.serviceRevisions![0]).toEqual({
      serviceRevisionArn: arn,
      serviceArn: s.serviceArn,
      clusterArn: s.clusterArn,
      taskDefinition: `${ARN_PREFIX}:task-definition/web:1`,
      launchType: "FARGATE",
      platformVersion: "1.4.0",
      platformFamily: "Linux",
      networkConfiguration: { awsvpcConfiguration: { ...SUBNETS.awsvpcConfiguration, assignPublicIp: "DISABLED" } },
      containerImages: [{ containerName: "app", image: "nginx:1" }],
      guardDutyEnabled: false,
      serviceConnectConfiguration: { enabled: false },
      createdAt: s.deployments![0].createdAt,
    });
  });

  it("keeps each revision unchanged after later deployments replaced it and its tasks are gone", async () => {
    await create(t);
    const first = (await service(t)).currentServiceDeployment!;
    const firstRevision = (await serviceDeployment(t, first)).targetServiceRevision!.arn!;
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_B] } } });
    const s = await service(t);
    expect(s.deployments).toHaveLength(1);
    expect(await taskDefinitionsRunning(t)).toEqual(["web:2", "web:2"]);
    const second = await serviceDeployment(t, s.currentServiceDeployment!);
    expect(second.sourceServiceRevisions!.map((x) => x.arn)).toEqual([firstRevision]);
    const r = await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [firstRevision, second.targetServiceRevision!.arn!] });
    expect(r.serviceRevisions!.map((x) => [x.taskDefinition!.split("/").pop(), x.networkConfiguration?.awsvpcConfiguration?.subnets, x.containerImages![0].image])).toEqual([
      ["web:1", [SUBNET_A], "nginx:1"],
      ["web:2", [SUBNET_B], "nginx:2"],
    ]);
  });

  it("records a capacity provider strategy instead of a launch type", async () => {
    await t.ecs("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [] });
    await create(t, { launchType: undefined, capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] });
    const sd = await serviceDeployment(t, (await service(t)).currentServiceDeployment!);
    const rev = (await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [sd.targetServiceRevision!.arn!] })).serviceRevisions![0];
    expect(rev.capacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE", weight: 1, base: 0 }]);
    expect(rev.launchType).toBeUndefined();
  });

  it("forgets the revisions of a service that was deleted and created again", async () => {
    await create(t, { desiredCount: 0 });
    const old = (await serviceDeployment(t, (await service(t)).currentServiceDeployment!)).targetServiceRevision!.arn!;
    await t.ecs("DeleteService", { cluster: CLUSTER, service: "api" });
    await create(t, { desiredCount: 0 });
    const r = await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [old] });
    expect(r.failures).toEqual([{ arn: old, reason: "MISSING" }]);
  });
});

describe("StopServiceDeployment", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal(SLOW)));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  /** A settled service on web:1, then an update to web:2 that is still in progress. */
  async function updating(): Promise<{ arn: string; sourceRevision: string }> {
    await create(t);
    t.advance(1000);
    expect(await taskDefinitionsRunning(t)).toEqual(["web:1", "web:1"]);
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    const arn = (await service(t)).currentServiceDeployment!;
    const sd = await serviceDeployment(t, arn);
    expect(sd.status).toBe("IN_PROGRESS");
    return { arn, sourceRevision: sd.sourceServiceRevisions![0].arn! };
  }

  it("validation: the deployment ARN is required and the stop type is an enum", async () => {
    expect((await t.ecsError("StopServiceDeployment", {})).code).toBe("ValidationException");
    expect(await t.ecsError("StopServiceDeployment", { serviceDeploymentArn: "x", stopType: "NOW" })).toMatchObject({ code: "InvalidParameterException", message: "stopType should be one of [ABORT,ROLLBACK]" });
  });

  it("errors: an unknown deployment, a finished one, a stop type other than ROLLBACK", async () => {
    const unknown = `${ARN_PREFIX}:service-deployment/${CLUSTER}/api/abcdefghij0123456789`;
    expect(await t.ecsError("StopServiceDeployment", { serviceDeploymentArn: unknown })).toMatchObject({
      code: "ServiceDeploymentNotFoundException",
      message: "Service deployment not found.",
    });
    await create(t);
    t.advance(1000);
    const arn = (await service(t)).currentServiceDeployment!;
    expect((await serviceDeployment(t, arn)).status).toBe("SUCCESSFUL");
    expect(await t.ecsError("StopServiceDeployment", { serviceDeploymentArn: arn })).toMatchObject({
      code: "ConflictException",
      message: "The service deployment can't be stopped because it is in the SUCCESSFUL state.",
    });
    expect(await t.ecsError("StopServiceDeployment", { serviceDeploymentArn: arn, stopType: "ABORT" })).toMatchObject({
      code: "InvalidParameterException",
      message: "The stop type must be ROLLBACK.",
    });
  });

  it("errors: the first deployment of a service has no revision to roll back to, and nothing changes", async () => {
    await create(t);
    const arn = (await service(t)).currentServiceDeployment!;
    expect(await t.ecsError("StopServiceDeployment", { serviceDeploymentArn: arn })).toMatchObject({
      code: "InvalidParameterException",
      message: "The service deployment can't be rolled back because there is no previous service revision.",
    });
    expect((await serviceDeployment(t, arn)).status).toBe("IN_PROGRESS");
    expect((await service(t)).deployments).toHaveLength(1);
  });

  it("rolls an in-progress deployment back to the previous revision, tasks and all", async () => {
    const { arn, sourceRevision } = await updating();
    expect(await t.ecs("StopServiceDeployment", { serviceDeploymentArn: arn })).toEqual({ serviceDeploymentArn: arn });

    const during = await serviceDeployment(t, arn);
    expect(during).toMatchObject({ status: "ROLLBACK_IN_PROGRESS", rollback: { serviceRevisionArn: sourceRevision, startedAt: expect.any(Number), reason: expect.any(String) } });
    const s = await service(t);
    expect(s.taskDefinition).toMatch(/web:1$/);
    expect(s.deployments![0]).toMatchObject({ status: "PRIMARY", taskDefinition: expect.stringMatching(/web:1$/), rolloutState: "IN_PROGRESS" });
    // The rollback is part of the stopped deployment, not a deployment of its own.
    const listed = (await t.ecs("ListServiceDeployments", { cluster: CLUSTER, service: "api" })).serviceDeployments!;
    expect(listed.map((x) => x.serviceDeploymentArn)[0]).toBe(arn);
    expect(listed).toHaveLength(2);

    t.advance(1000);
    t.advance(1000);
    const done = await serviceDeployment(t, arn);
    expect(done).toMatchObject({ status: "ROLLBACK_SUCCESSFUL", finishedAt: expect.any(Number) });
    expect(await taskDefinitionsRunning(t)).toEqual(["web:1", "web:1"]);
    const after = await service(t);
    expect(after.deployments).toHaveLength(1);
    expect(after.deployments![0]).toMatchObject({ taskDefinition: expect.stringMatching(/web:1$/), rolloutState: "COMPLETED", runningCount: 2 });
  });

  it("answers again while the rollback is under way, without starting another", async () => {
    const { arn } = await updating();
    await t.ecs("StopServiceDeployment", { serviceDeploymentArn: arn });
    const before = (await service(t)).deployments!.map((d) => d.id);
    expect(await t.ecs("StopServiceDeployment", { serviceDeploymentArn: arn })).toEqual({ serviceDeploymentArn: arn });
    expect((await service(t)).deployments!.map((d) => d.id)).toEqual(before);
  });

  it("a new deployment during the rollback stops it", async () => {
    const { arn } = await updating();
    await t.ecs("StopServiceDeployment", { serviceDeploymentArn: arn });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "api", taskDefinition: "web:2" });
    expect(await serviceDeployment(t, arn)).toMatchObject({ status: "STOPPED", statusReason: "Service deployment stopped because a newer deployment started." });
    // The newer deployment replaces the rolled-back revision.
    const newest = await serviceDeployment(t, (await service(t)).currentServiceDeployment!);
    const rolledBackTo = (await serviceDeployment(t, arn)).rollback!.serviceRevisionArn!;
    expect(newest.sourceServiceRevisions!.map((x) => x.arn)).toContain(rolledBackTo);
  });
});

describe("ContinueServiceDeployment", () => {
  let t: TestLocal;
  beforeAll(async () => (t = await startLocal()));
  afterAll(() => t.close());
  beforeEach(() => setup(t));

  it("validation: the deployment ARN and hook id are required, the action is an enum", async () => {
    expect((await t.ecsError("ContinueServiceDeployment", { serviceDeploymentArn: "x" })).code).toBe("ValidationException");
    expect((await t.ecsError("ContinueServiceDeployment", { serviceDeploymentArn: "x", hookId: "h", action: "GO" })).message).toMatch(/^action should be one of \[[A-Z_,]+\]$/);
  });

  it("errors: an unknown deployment", async () => {
    const unknown = `${ARN_PREFIX}:service-deployment/${CLUSTER}/api/abcdefghij0123456789`;
    expect(await t.ecsError("ContinueServiceDeployment", { serviceDeploymentArn: unknown, hookId: "h-1" })).toMatchObject({
      code: "ServiceDeploymentNotFoundException",
      message: "Service deployment not found.",
    });
  });

  it("errors: a rolling deployment is never paused at a lifecycle hook", async () => {
    await create(t);
    const arn = (await service(t)).currentServiceDeployment!;
    expect(await t.ecsError("ContinueServiceDeployment", { serviceDeploymentArn: arn, hookId: "h-1", action: "CONTINUE" })).toMatchObject({
      code: "InvalidParameterException",
      message: "The lifecycle hook h-1 is not awaiting action for this service deployment.",
    });
    expect((await serviceDeployment(t, arn)).status).toBe("SUCCESSFUL");
  });
});
