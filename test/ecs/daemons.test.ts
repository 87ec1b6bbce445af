// Managed Daemons with instant timings: daemon task definitions (families, revisions, statuses,
// listing, deletion), daemons (create, describe, list, update, delete) with their revisions and
// deployments, one daemon task on every instance of their Managed Instances providers, auto repair,
// and the five waiters as the SDK v3 client runs them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ECSClient,
  waitUntilDaemonActive,
  waitUntilDaemonDeploymentSuccessful,
  waitUntilDaemonTaskDefinitionActive,
  waitUntilDaemonTaskDefinitionDeleted,
} from "@aws-sdk/client-ecs";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { AWSVPC, managedInstancesCluster, miTaskDefinition } from "./managedInstancesFixtures.js";

const ARN = "arn:aws:ecs:us-east-1:000000000000";
const CP = `${ARN}:capacity-provider/mip`;
let t: TestLocal;
let iam: QueryCaller;
let ec2: QueryCaller;
let sdk: ECSClient;
beforeAll(async () => {
  t = await startLocal();
  iam = queryCaller(t, "iam");
  ec2 = queryCaller(t, "ec2");
  sdk = new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const waiter = () => ({ client: sdk, maxWaitTime: 5, minDelay: 1, maxDelay: 1 });
const agent = (image = "amazon/cloudwatch-agent:1") => ({ family: "agent", containerDefinitions: [{ name: "agent", image, cpu: 128, memory: 256 }] });
const register = async (image?: string) => (await t.ecs("RegisterDaemonTaskDefinition", agent(image))).daemonTaskDefinitionArn!;
const states = async () => (await ec2.call("DescribeInstances", {})).Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.State.Name));

describe("daemon task definitions", () => {
  it("registers revisions, describes them by family, family:revision and ARN with ECS's defaults, and the SDK's waiter sees them ACTIVE", async () => {
    expect(await register()).toBe(`${ARN}:daemon-task-definition/agent:1`);
    expect(await register("amazon/cloudwatch-agent:2")).toBe(`${ARN}:daemon-task-definition/agent:2`);
    const { daemonTaskDefinition: latest } = await t.ecs("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent" });
    expect(latest).toEqual({
      daemonTaskDefinitionArn: `${ARN}:daemon-task-definition/agent:2`,
      family: "agent",
      revision: 2,
      containerDefinitions: [{ name: "agent", image: "amazon/cloudwatch-agent:2", cpu: 128, memory: 256, essential: true, mountPoints: [], secrets: [] }],
      volumes: [],
      status: "ACTIVE",
      registeredAt: expect.any(Number),
      registeredBy: "arn:aws:iam::000000000000:root",
    });
    expect((await t.ecs("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" })).daemonTaskDefinition!.revision).toBe(1);
    expect((await t.ecs("DescribeDaemonTaskDefinition", { daemonTaskDefinition: `${ARN}:daemon-task-definition/agent:1` })).daemonTaskDefinition!.revision).toBe(1);
    const r = await waitUntilDaemonTaskDefinitionActive(waiter(), { daemonTaskDefinition: "agent:1" });
    expect(r.state).toBe("SUCCESS");
  });

  it("refuses what ECS refuses, consuming no revision", async () => {
    const e = (input: unknown) => t.ecsError("RegisterDaemonTaskDefinition", input);
    expect(await e({ family: "agent", containerDefinitions: [{ name: "a", image: "x" }] })).toMatchObject({ code: "ClientException", message: "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified." });
    expect(await e({ family: "agent", containerDefinitions: [{ name: "a", image: "x", memory: 64, secrets: [{ name: "S", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/s" }] }] })).toMatchObject({
      code: "ClientException",
      message: "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
    });
    expect(await e({ family: "bad family", containerDefinitions: [{ image: "x", memory: 64 }] })).toMatchObject({ code: "ClientException", message: "Family contains invalid characters." });
    expect(await t.ecsError("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent" })).toMatchObject({ code: "ClientException", message: "The specified daemon task definition was not found. Specify a valid family, revision or ARN and try again." });
    expect(await register()).toMatch(/:daemon-task-definition\/agent:1$/);
  });

  it("lists by family prefix, family, last registered revision and status, sorted and paged", async () => {
    for (const family of ["agent", "agent", "logs", "agent-x"]) await t.ecs("RegisterDaemonTaskDefinition", { ...agent(), family });
    const list = async (input: Record<string, unknown>) => (await t.ecs("ListDaemonTaskDefinitions", input)).daemonTaskDefinitions!.map((d) => d.arn!.split("/").pop());
    expect(await list({})).toEqual(["agent:1", "agent:2", "agent-x:1", "logs:1"]);
    expect(await list({ familyPrefix: "agent" })).toEqual(["agent:1", "agent:2", "agent-x:1"]);
    expect(await list({ family: "agent", sort: "DESC" })).toEqual(["agent:2", "agent:1"]);
    expect(await list({ revision: "LAST_REGISTERED" })).toEqual(["agent:2", "agent-x:1", "logs:1"]);
    const first = await t.ecs("ListDaemonTaskDefinitions", { maxResults: 3 });
    expect(first.daemonTaskDefinitions).toHaveLength(3);
    expect((await t.ecs("ListDaemonTaskDefinitions", { nextToken: first.nextToken })).daemonTaskDefinitions!.map((d) => d.arn!.split("/").pop())).toEqual(["logs:1"]);
    await t.ecs("DeleteDaemonTaskDefinition", { daemonTaskDefinition: "logs:1" });
    expect(await list({})).toEqual(["agent:1", "agent:2", "agent-x:1"]);
    expect(await list({ status: "ALL" })).toEqual(["agent:1", "agent:2", "agent-x:1", "logs:1"]);
    const [logs] = (await t.ecs("ListDaemonTaskDefinitions", { family: "logs", status: "ALL" })).daemonTaskDefinitions!;
    expect([logs.status, typeof logs.deleteRequestedAt]).toEqual(["DELETED", "number"]);
  });

  it("deletes a revision: DELETED once no daemon runs it, and the SDK's waiter sees it; a second delete is refused", async () => {
    await register();
    expect(await t.ecsError("DeleteDaemonTaskDefinition", { daemonTaskDefinition: "agent" })).toMatchObject({ code: "ClientException" });
    expect((await t.ecs("DeleteDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" })).daemonTaskDefinitionArn).toBe(`${ARN}:daemon-task-definition/agent:1`);
    expect(await t.ecsError("DeleteDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" })).toMatchObject({ code: "ClientException", message: "The specified daemon task definition is being deleted." });
    expect((await waitUntilDaemonTaskDefinitionDeleted(waiter(), { daemonTaskDefinition: "agent:1" })).state).toBe("SUCCESS");
    expect(await t.ecsError("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent" })).toMatchObject({ code: "ClientException" });
  });
});

describe("daemons", () => {
  it("creates a daemon whose first deployment succeeds; describes, lists, and answers unknown ARNs as AWS does", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip" });
    const td = await register();
    const created = await t.ecs("CreateDaemon", { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: td, capacityProviderArns: [CP], tags: [{ key: "team", value: "obs" }] });
    expect(created).toEqual({ daemonArn: `${ARN}:daemon/mi/agent`, status: "ACTIVE", createdAt: expect.any(Number), deploymentArn: expect.stringMatching(/^arn:aws:ecs:us-east-1:000000000000:daemon-deployment\/mi\/agent\/[A-Za-z0-9]{21}$/) });
    expect((await waitUntilDaemonActive(waiter(), { daemonArn: created.daemonArn! })).state).toBe("SUCCESS");
    expect((await waitUntilDaemonDeploymentSuccessful(waiter(), { daemonDeploymentArns: [created.deploymentArn!] })).state).toBe("SUCCESS");
    const { daemon } = await t.ecs("DescribeDaemon", { daemonArn: created.daemonArn! });
    const revisionArn = daemon!.currentRevisions![0].arn!;
    expect(revisionArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:daemon-revision\/mi\/agent\/[0-9a-f-]{36}$/);
    expect(daemon!.currentRevisions).toEqual([{ arn: revisionArn, capacityProviders: [{ arn: CP, runningCount: 0 }], totalRunningCount: 0 }]);
    const revs = await t.ecs("DescribeDaemonRevisions", { daemonRevisionArns: [revisionArn, `${ARN}:daemon-revision/mi/agent/missing`] });
    expect(revs.daemonRevisions).toEqual([
      {
        daemonRevisionArn: revisionArn,
        clusterArn: `${ARN}:cluster/mi`,
        daemonArn: `${ARN}:daemon/mi/agent`,
        daemonTaskDefinitionArn: td,
        createdAt: created.createdAt,
        containerImages: [{ containerName: "agent", image: "amazon/cloudwatch-agent:1" }],
        propagateTags: "NONE",
        enableECSManagedTags: false,
        enableExecuteCommand: false,
      },
    ]);
    expect(revs.failures).toEqual([{ arn: `${ARN}:daemon-revision/mi/agent/missing`, reason: "MISSING" }]);
    expect((await t.ecs("DescribeDaemonDeployments", { daemonDeploymentArns: [`${ARN}:daemon-deployment/mi/agent/x`] })).failures).toEqual([{ arn: `${ARN}:daemon-deployment/mi/agent/x`, reason: "MISSING" }]);
    expect((await t.ecs("ListDaemons", { clusterArn: "mi", capacityProviderArns: [CP] })).daemonSummariesList!.map((d) => [d.daemonArn, d.status])).toEqual([[created.daemonArn, "ACTIVE"]]);
    expect((await t.ecs("ListTagsForResource", { resourceArn: created.daemonArn! })).tags).toEqual([{ key: "team", value: "obs" }]);
    expect(await t.ecsError("DescribeDaemon", { daemonArn: `${ARN}:daemon/mi/other` })).toMatchObject({ code: "DaemonNotFoundException" });
  });

  it("refuses what ECS refuses; the same client token answers the daemon again", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip" });
    const td = await register();
    const base = { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: td, capacityProviderArns: [CP] };
    expect(await t.ecsError("CreateDaemon", { ...base, clusterArn: "nope" })).toMatchObject({ code: "ClusterNotFoundException" });
    expect(await t.ecsError("CreateDaemon", { ...base, capacityProviderArns: ["FARGATE"] })).toMatchObject({ code: "InvalidParameterException", message: "ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers." });
    expect(await t.ecsError("CreateDaemon", { ...base, daemonTaskDefinitionArn: `${ARN}:daemon-task-definition/agent:9` })).toMatchObject({ code: "ClientException" });
    expect((await t.ecs("ListDaemons", {})).daemonSummariesList).toEqual([]);
    const first = await t.ecs("CreateDaemon", { ...base, clientToken: "tok" });
    expect(await t.ecs("CreateDaemon", { ...base, clientToken: "tok" })).toEqual(first);
    expect(await t.ecsError("CreateDaemon", base)).toMatchObject({ code: "InvalidParameterException", message: "A daemon named agent already exists in cluster mi." });
  });

  it("runs one daemon task on every instance of its providers, rolls an update out instance by instance, and leaves with DeleteDaemon", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: -1 });
    await miTaskDefinition(t, "big", "1024", "2048");
    const created = await t.ecs("CreateDaemon", { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: await register(), capacityProviderArns: [CP] });
    await t.ecs("CreateService", { cluster: "mi", serviceName: "web", taskDefinition: "big", desiredCount: 2, networkConfiguration: AWSVPC });
    t.advance(0);
    const daemonTasks = async () => {
      const arns = (await t.ecs("ListTasks", { cluster: "mi", daemonName: "agent" })).taskArns!;
      return arns.length ? (await t.ecs("DescribeTasks", { cluster: "mi", tasks: arns })).tasks! : [];
    };
    const before = await daemonTasks();
    // m5a.large holds one such task beside the daemon (1024 + 128 CPU units of 2048): two instances.
    expect(await states()).toEqual(["running", "running"]);
    expect(before.map((x) => [x.group, x.lastStatus, x.launchType, x.capacityProviderName])).toEqual(Array(2).fill(["daemon:agent", "RUNNING", "MANAGED_INSTANCES", "mip"]));
    expect(new Set(before.map((x) => x.containerInstanceArn)).size).toBe(2);

    const updated = await t.ecs("UpdateDaemon", { daemonArn: created.daemonArn!, daemonTaskDefinitionArn: await register("amazon/cloudwatch-agent:2"), capacityProviderArns: [CP], deploymentConfiguration: { drainPercent: 50, bakeTimeInMinutes: 5 } });
    t.advance(0);
    let [dep] = (await t.ecs("DescribeDaemonDeployments", { daemonDeploymentArns: [updated.deploymentArn!] })).daemonDeployments!;
    // One batch (50 % of two instances) replaced; the other waits for the five minutes of bake time.
    expect([dep.status, dep.targetDaemonRevision!.totalRunningInstanceCount, dep.sourceDaemonRevisions![0].totalRunningInstanceCount]).toEqual(["IN_PROGRESS", 1, 1]);
    t.advance(5 * 60_000);
    [dep] = (await t.ecs("DescribeDaemonDeployments", { daemonDeploymentArns: [updated.deploymentArn!] })).daemonDeployments!;
    expect([dep.status, dep.statusReason, dep.targetDaemonRevision!.totalRunningInstanceCount, dep.sourceDaemonRevisions![0].totalRunningInstanceCount]).toEqual(["SUCCESSFUL", "Deployment completed successfully.", 2, 0]);
    expect(await states()).toEqual(["terminated", "terminated", "running", "running"]);
    expect((await daemonTasks()).map((x) => x.containers![0].image)).toEqual(["amazon/cloudwatch-agent:2", "amazon/cloudwatch-agent:2"]);
    const svc = (await t.ecs("DescribeServices", { cluster: "mi", services: ["web"] })).services![0];
    expect([svc.runningCount, svc.desiredCount]).toEqual([2, 2]);
    expect((await t.ecs("ListDaemonDeployments", { daemonArn: created.daemonArn! })).daemonDeployments!.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);

    const deleting = await t.ecs("DeleteDaemon", { daemonArn: created.daemonArn! });
    expect(deleting.status).toBe("DELETE_IN_PROGRESS");
    expect(await t.ecsError("DeleteDaemon", { daemonArn: created.daemonArn! })).toMatchObject({ code: "InvalidParameterException", message: "The daemon cannot be deleted because a deployment deletion is ongoing." });
    t.advance(10 * 60_000);
    expect(await t.ecsError("DescribeDaemon", { daemonArn: created.daemonArn! })).toMatchObject({ code: "DaemonNotFoundException" });
    expect(await daemonTasks()).toEqual([]);
    // Without the daemon one instance holds both service tasks.
    expect((await states()).filter((s: string) => s === "running")).toHaveLength(1);
    expect((await t.ecs("DescribeServices", { cluster: "mi", services: ["web"] })).services![0].runningCount).toBe(2);
  });

  it("replaces an instance whose daemon task stops (auto repair)", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: -1 });
    await miTaskDefinition(t);
    await t.ecs("CreateDaemon", { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: await register(), capacityProviderArns: [CP] });
    await t.ecs("CreateService", { cluster: "mi", serviceName: "web", taskDefinition: "web", desiredCount: 1, networkConfiguration: AWSVPC });
    t.advance(0);
    const [daemonTask] = (await t.ecs("ListTasks", { cluster: "mi", daemonName: "agent" })).taskArns!;
    await t.ecs("StopTask", { cluster: "mi", task: daemonTask });
    t.advance(0);
    expect(await states()).toEqual(["terminated", "running"]);
    expect((await t.ecs("ListTasks", { cluster: "mi", daemonName: "agent" })).taskArns).toHaveLength(1);
  });
});
