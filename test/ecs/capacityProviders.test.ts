// CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider, DeleteCapacityProvider,
// PutClusterCapacityProviders, and capacity provider strategies in RunTask and CreateService.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CapacityProviderStrategyItem, Task } from "../../src/services/ecs/generated/types.js";
import { fargateTaskDefinition, registerInstance, SUBNETS } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
});
afterAll(() => t.close());

const P = "arn:aws:ecs:us-east-1:000000000000:capacity-provider";
const ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1a2b3c4d-0000-0000-0000-000000000000:autoScalingGroupName/none";
const CLUSTER = "lab";
const NOT_ASSOCIATED =
  "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.";
const net = SUBNETS;

/** An empty Auto Scaling group (a provider needs one that exists); its ARN. */
async function group(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: name, LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 2, AvailabilityZones: ["us-east-1a"], ...extra });
  return (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0].AutoScalingGroupARN;
}
const create = async (name: string, extra: Record<string, unknown> = {}) =>
  t.ecs("CreateCapacityProvider", { name, autoScalingGroupProvider: { autoScalingGroupArn: await group(`${name}-asg`) }, ...extra });
const describeAll = async () => (await t.ecs("DescribeCapacityProviders", {})).capacityProviders!;
const put = (capacityProviders: string[], defaultCapacityProviderStrategy: CapacityProviderStrategyItem[] = [], cluster = CLUSTER) =>
  t.ecs("PutClusterCapacityProviders", { cluster, capacityProviders, defaultCapacityProviderStrategy });
const byProvider = (tasks: Task[]) => tasks.reduce<Record<string, number>>((m, x) => ({ ...m, [x.capacityProviderName!]: (m[x.capacityProviderName!] ?? 0) + 1 }), {});

beforeEach(async () => {
  t.local.reset();
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium" });
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", cpu: 64, memory: 64 }] });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
});

describe("validation", () => {
  it("refuses names outside the pattern and the reserved prefixes, storing nothing", async () => {
    for (const name of ["aws-cp", "ECS_cp", "Fargate2", "my.cp", "x".repeat(256)]) {
      const e = await t.ecsError("CreateCapacityProvider", { name, autoScalingGroupProvider: { autoScalingGroupArn: ASG } });
      expect(e).toEqual({
        status: 400,
        code: "ClientException",
        message:
          'The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.',
      });
    }
    expect((await describeAll()).map((c) => c.name)).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("refuses reserved tag keys and stores nothing", async () => {
    const e = await t.ecsError("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: ASG }, tags: [{ key: "aws:x", value: "y" }] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Tag keys prefixed with 'aws:' are reserved for AWS use." });
    expect((await describeAll()).map((c) => c.name)).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("refuses maxResults outside 1 to 10", async () => {
    for (const maxResults of [0, 11]) {
      expect(await t.ecsError("DescribeCapacityProviders", { maxResults })).toMatchObject({ code: "InvalidParameterException", message: "maxResults must be between 1 and 10." });
    }
  });
});

describe("errors", () => {
  it("refuses a second provider of the same name", async () => {
    await create("cp");
    const e = await t.ecsError("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: await group("other") } });
    expect(e).toMatchObject({
      code: "ClientException",
      message: "The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.",
    });
  });

  it("associates only providers that exist", async () => {
    const e = await t.ecsError("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: ["ghost"], defaultCapacityProviderStrategy: [] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "The specified capacity provider was not found. Specify a valid capacity provider and try again." });
    expect(await t.ecsError("PutClusterCapacityProviders", { cluster: "nope", capacityProviders: [], defaultCapacityProviderStrategy: [] })).toMatchObject({
      code: "ClusterNotFoundException",
      message: "Cluster not found.",
    });
  });

  it("refuses a default strategy naming a provider outside the list, or mixing Fargate with Auto Scaling groups", async () => {
    await create("cp");
    const e1 = await t.ecsError("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] });
    expect(e1).toMatchObject({ code: "InvalidParameterException", message: NOT_ASSOCIATED });
    const e2 = await t.ecsError("PutClusterCapacityProviders", {
      cluster: CLUSTER,
      capacityProviders: ["FARGATE", "cp"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }, { capacityProvider: "cp", weight: 1 }],
    });
    expect(e2).toMatchObject({
      code: "InvalidParameterException",
      message: "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.",
    });
    const d = await t.ecs("DescribeClusters", { clusters: [CLUSTER] });
    expect(d.clusters![0]).toMatchObject({ capacityProviders: [], defaultCapacityProviderStrategy: [] });
  });

  it("refuses a strategy whose provider is not associated with the cluster", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "fg", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], networkConfiguration: net });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: NOT_ASSOCIATED });
    await create("cp");
    const e2 = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: "cp" }] });
    expect(e2).toMatchObject({ code: "InvalidParameterException", message: NOT_ASSOCIATED });
  });

  it("will not disassociate a provider a service's strategy uses", async () => {
    await create("cp");
    await put(["cp"]);
    await registerInstance(t, CLUSTER, "us-east-1a");
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: "cp", weight: 1 }] });
    const e = await t.ecsError("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: [], defaultCapacityProviderStrategy: [] });
    expect(e).toMatchObject({ code: "ResourceInUseException", message: "The specified capacity provider is in use and cannot be removed." });
  });

  it("fails to delete a provider associated with a cluster, leaving it ACTIVE", async () => {
    await create("cp");
    await put(["cp"]);
    const r = await t.ecs("DeleteCapacityProvider", { capacityProvider: "cp" });
    expect(r.capacityProvider).toMatchObject({
      status: "ACTIVE",
      updateStatus: "DELETE_FAILED",
      updateStatusReason: "The capacity provider cannot be deleted because it is associated with cluster: lab. Remove the capacity provider from the cluster and try again.",
    });
    expect((await t.ecs("DescribeCapacityProviders", { capacityProviders: ["cp"] })).capacityProviders![0].status).toBe("ACTIVE");
  });

  it("refuses to delete or update the Fargate providers and unknown ones", async () => {
    expect(await t.ecsError("DeleteCapacityProvider", { capacityProvider: "FARGATE" })).toMatchObject({ code: "ClientException" });
    expect(await t.ecsError("DeleteCapacityProvider", { capacityProvider: "ghost" })).toMatchObject({ code: "ClientException" });
    expect(await t.ecsError("UpdateCapacityProvider", { name: "ghost", autoScalingGroupProvider: { managedDraining: "DISABLED" } })).toMatchObject({ code: "ClientException" });
  });
});

describe("functionality", () => {
  it("creates an Auto Scaling group provider with the defaults ECS fills in", async () => {
    const r = await create("cp", { tags: [{ key: "team", value: "a" }] });
    const arn = r.capacityProvider!.autoScalingGroupProvider!.autoScalingGroupArn;
    expect(arn).toMatch(/^arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/cp-asg$/);
    expect(r.capacityProvider).toEqual({
      capacityProviderArn: `${P}/cp`,
      name: "cp",
      status: "ACTIVE",
      autoScalingGroupProvider: {
        autoScalingGroupArn: arn,
        managedScaling: { status: "DISABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
        managedTerminationProtection: "DISABLED",
        managedDraining: "ENABLED",
      },
      type: "EC2_AUTOSCALING",
      tags: [{ key: "team", value: "a" }],
    });
    const protectedGroup = await group("x", { NewInstancesProtectedFromScaleIn: true });
    const given = await create("cp2", { autoScalingGroupProvider: { autoScalingGroupArn: protectedGroup, managedScaling: { status: "ENABLED", targetCapacity: 80 }, managedTerminationProtection: "ENABLED" } });
    expect(given.capacityProvider!.autoScalingGroupProvider).toMatchObject({
      managedScaling: { status: "ENABLED", targetCapacity: 80, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      managedTerminationProtection: "ENABLED",
    });
  });

  it("describes all providers, the Fargate pair included, by name or ARN, with tags when asked and MISSING failures", async () => {
    await create("cp", { tags: [{ key: "team", value: "a" }] });
    const all = await describeAll();
    expect(all.map((c) => c.name)).toEqual(["cp", "FARGATE", "FARGATE_SPOT"]);
    expect(all[1]).toEqual({ capacityProviderArn: `${P}/FARGATE`, name: "FARGATE", status: "ACTIVE", type: "FARGATE", tags: [] });
    expect(all[0].tags).toEqual([]);
    const r = await t.ecs("DescribeCapacityProviders", { capacityProviders: [`${P}/cp`, "ghost", "FARGATE_SPOT"], include: ["TAGS"] });
    expect(r.capacityProviders!.map((c) => c.name)).toEqual(["cp", "FARGATE_SPOT"]);
    expect(r.capacityProviders![0].tags).toEqual([{ key: "team", value: "a" }]);
    expect(r.failures).toEqual([{ arn: `${P}/ghost`, reason: "MISSING" }]);
  });

  it("pages with maxResults and nextToken, and narrows to a cluster's providers", async () => {
    for (const n of ["a1", "a2", "a3"]) await create(n);
    const p1 = await t.ecs("DescribeCapacityProviders", { maxResults: 2 });
    const p2 = await t.ecs("DescribeCapacityProviders", { maxResults: 2, nextToken: p1.nextToken });
    const p3 = await t.ecs("DescribeCapacityProviders", { maxResults: 2, nextToken: p2.nextToken });
    expect([p1, p2, p3].map((p) => p.capacityProviders!.map((c) => c.name))).toEqual([["a1", "a2"], ["a3", "FARGATE"], ["FARGATE_SPOT"]]);
    expect(p3.nextToken).toBeUndefined();
    await put(["a2"]);
    expect((await t.ecs("DescribeCapacityProviders", { cluster: CLUSTER })).capacityProviders!.map((c) => c.name)).toEqual(["a2"]);
  });

  it("updates managed scaling field by field: answered as it stood, UPDATE_IN_PROGRESS, then changed and UPDATE_COMPLETE", async () => {
    await create("cp");
    const r = await t.ecs("UpdateCapacityProvider", { name: "cp", autoScalingGroupProvider: { managedScaling: { status: "ENABLED", targetCapacity: 50 }, managedDraining: "DISABLED" } });
    expect(r.capacityProvider).toMatchObject({ updateStatus: "UPDATE_IN_PROGRESS" });
    // As the CLI's update-capacity-provider example and the managed draining page show it: not yet changed.
    expect(r.capacityProvider!.autoScalingGroupProvider).toMatchObject({
      managedScaling: { status: "DISABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      managedTerminationProtection: "DISABLED",
      managedDraining: "ENABLED",
    });
    const d = await t.ecs("DescribeCapacityProviders", { capacityProviders: ["cp"] });
    expect(d.capacityProviders![0].updateStatus).toBe("UPDATE_COMPLETE");
    expect(d.capacityProviders![0].autoScalingGroupProvider).toMatchObject({
      managedScaling: { status: "ENABLED", targetCapacity: 50, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      managedTerminationProtection: "DISABLED",
      managedDraining: "DISABLED",
    });
  });

  it("deletes a free provider: DELETE_IN_PROGRESS, then INACTIVE, and the name can be used again", async () => {
    await create("cp", { tags: [{ key: "k", value: "v" }] });
    const r = await t.ecs("DeleteCapacityProvider", { capacityProvider: `${P}/cp` });
    expect(r.capacityProvider).toMatchObject({ name: "cp", status: "ACTIVE", updateStatus: "DELETE_IN_PROGRESS" });
    const d = await t.ecs("DescribeCapacityProviders", { capacityProviders: ["cp"] });
    expect(d.capacityProviders![0]).toMatchObject({ status: "INACTIVE", updateStatus: "DELETE_COMPLETE" });
    expect(await t.ecsError("PutClusterCapacityProviders", { cluster: CLUSTER, capacityProviders: ["cp"], defaultCapacityProviderStrategy: [] })).toMatchObject({
      code: "InvalidParameterException",
    });
    const again = await t.ecs("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: r.capacityProvider!.autoScalingGroupProvider!.autoScalingGroupArn } });
    expect(again.capacityProvider).toMatchObject({ status: "ACTIVE", tags: [] });
  });

  it("tags providers through TagResource", async () => {
    await create("cp");
    await t.ecs("TagResource", { resourceArn: `${P}/cp`, tags: [{ key: "a", value: "b" }] });
    expect((await t.ecs("ListTagsForResource", { resourceArn: `${P}/cp` })).tags).toEqual([{ key: "a", value: "b" }]);
  });

  it("sets a cluster's providers and default strategy, echoing weight and base", async () => {
    await create("cp");
    const r = await put(["cp", "FARGATE"], [{ capacityProvider: "cp", weight: 2 }]);
    expect(r.cluster).toMatchObject({ clusterName: CLUSTER, capacityProviders: ["cp", "FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "cp", weight: 2, base: 0 }] });
    const d = await t.ecs("DescribeClusters", { clusters: [CLUSTER] });
    expect(d.clusters![0].defaultCapacityProviderStrategy).toEqual([{ capacityProvider: "cp", weight: 2, base: 0 }]);
  });
});

describe("launching through capacity providers", () => {
  it("runs an Auto Scaling group provider's tasks with the EC2 launch type on the cluster's instances", async () => {
    await create("cp");
    await put(["cp"]);
    const ci = await registerInstance(t, CLUSTER, "us-east-1a");
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", capacityProviderStrategy: [{ capacityProvider: "cp", weight: 1 }] });
    expect(r.tasks![0]).toMatchObject({ launchType: "EC2", capacityProviderName: "cp", containerInstanceArn: ci });
  });

  it("uses the cluster's default strategy when a request names neither launch type nor strategy", async () => {
    await put(["FARGATE"], [{ capacityProvider: "FARGATE", weight: 1 }]);
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "fg", networkConfiguration: net });
    expect(r.tasks![0]).toMatchObject({ launchType: "FARGATE", capacityProviderName: "FARGATE" });
    const s = await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "fg", desiredCount: 1, networkConfiguration: net });
    expect(s.service!.capacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE", weight: 1, base: 0 }]);
    expect(s.service!.launchType).toBeUndefined();
    // An explicit launch type bypasses the default strategy.
    await registerInstance(t, CLUSTER, "us-east-1a");
    const ec2 = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "web", launchType: "EC2" });
    expect(ec2.tasks![0].launchType).toBe("EC2");
    expect(ec2.tasks![0].capacityProviderName).toBeUndefined();
  });

  it("fills the base first, then splits by weight", async () => {
    await put(["FARGATE", "FARGATE_SPOT"]);
    const strategy = [
      { capacityProvider: "FARGATE", base: 1, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 4 },
    ];
    const r = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "fg", count: 6, capacityProviderStrategy: strategy, networkConfiguration: net });
    expect(byProvider(r.tasks!)).toEqual({ FARGATE: 2, FARGATE_SPOT: 4 });
    const one = await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: "fg", capacityProviderStrategy: strategy, networkConfiguration: net });
    expect(one.tasks![0].capacityProviderName).toBe("FARGATE");
  });

  it("counts a service's running tasks when it spreads new ones", async () => {
    await create("a");
    await create("b");
    await put(["a", "b"]);
    await registerInstance(t, CLUSTER, "us-east-1a", 4096, 4096);
    const strategy = [
      { capacityProvider: "a", weight: 1 },
      { capacityProvider: "b", weight: 1 },
    ];
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 3, capacityProviderStrategy: strategy });
    await t.ecs("UpdateService", { cluster: CLUSTER, service: "s", desiredCount: 4 });
    const arns = (await t.ecs("ListTasks", { cluster: CLUSTER, serviceName: "s" })).taskArns!;
    const tasks = (await t.ecs("DescribeTasks", { cluster: CLUSTER, tasks: arns })).tasks!;
    expect(tasks.every((x) => x.launchType === "EC2")).toBe(true);
    expect(byProvider(tasks)).toEqual({ a: 2, b: 2 });
  });

  it("refuses several providers that all weigh nothing", async () => {
    await put(["FARGATE", "FARGATE_SPOT"]);
    const e = await t.ecsError("RunTask", {
      cluster: CLUSTER,
      taskDefinition: "fg",
      capacityProviderStrategy: [{ capacityProvider: "FARGATE" }, { capacityProvider: "FARGATE_SPOT" }],
      networkConfiguration: net,
    });
    expect(e.code).toBe("InvalidParameterException");
  });
});
