// Amazon ECS Managed Instances capacity providers: created in one cluster and checked against IAM and
// EC2, launching nothing; tasks placed through one wait while ECS launches (through EC2) the cheapest
// eligible instance type that packs them, place them when it joins, terminate it once idle for
// `scaleInAfter`, drain it on day 14; updates apply to later launches; deletion takes the instances.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DescribeCapacityProvidersCommand, ECSClient } from "@aws-sdk/client-ecs";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { DEFAULT_SG, SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { AWSVPC, INFRA_ROLE, managedInstancesCluster, managedInstancesRoles, miProvider, miTaskDefinition, PROFILE } from "./managedInstancesFixtures.js";

const T0 = Date.parse("2026-03-01T00:00:00Z");
let t: TestLocal;
let iam: QueryCaller;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  iam = queryCaller(t, "iam");
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());
beforeEach(() => {
  t.local.reset();
  t.clock.set(T0);
});

interface Ec2Instance {
  InstanceId: string;
  InstanceType: string;
  State: { Name: string };
  SubnetId: string;
  SecurityGroups: { GroupId: string }[];
  IamInstanceProfile?: { Arn: string };
}

async function instances(): Promise<Ec2Instance[]> {
  return (await ec2.call("DescribeInstances", {})).Reservations.flatMap((r: any) => r.Instances);
}
const live = async () => (await instances()).filter((i) => i.State.Name !== "terminated");
const run = async (count: number, family = "web") => (await t.ecs("RunTask", { cluster: "mi", taskDefinition: family, count, networkConfiguration: AWSVPC })).tasks!;
const describe_ = async (arns: string[]) => (await t.ecs("DescribeTasks", { cluster: "mi", tasks: arns })).tasks!;

describe("CreateCapacityProvider with a Managed Instances provider", () => {
  it("answers the provider in its cluster with ECS's default capacity option, launches nothing, and the SDK reads it", async () => {
    await managedInstancesRoles(iam);
    await t.ecs("CreateCluster", { clusterName: "mi" });
    const { capacityProvider: cp } = await t.ecs("CreateCapacityProvider", { name: "mip", cluster: "mi", managedInstancesProvider: miProvider({ cluster: "mi", provider: "mip" }) as never, tags: [{ key: "team", value: "a" }] });
    expect(cp).toEqual({
      capacityProviderArn: "arn:aws:ecs:us-east-1:000000000000:capacity-provider/mip",
      name: "mip",
      cluster: "mi",
      status: "ACTIVE",
      type: "MANAGED_INSTANCES",
      managedInstancesProvider: {
        infrastructureRoleArn: INFRA_ROLE,
        instanceLaunchTemplate: { ec2InstanceProfileArn: PROFILE, networkConfiguration: { subnets: [SUBNET_A, SUBNET_B], securityGroups: [DEFAULT_SG] }, capacityOptionType: "ON_DEMAND" },
      },
      tags: [{ key: "team", value: "a" }],
    });
    expect(await instances()).toEqual([]);
    const sdk = new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const seen = await sdk.send(new DescribeCapacityProvidersCommand({ cluster: "mi" }));
    expect(seen.capacityProviders?.map((p) => [p.name, p.type, p.cluster, p.managedInstancesProvider?.instanceLaunchTemplate?.capacityOptionType])).toEqual([["mip", "MANAGED_INSTANCES", "mi", "ON_DEMAND"]]);
  });

  it("refuses what ECS refuses, storing nothing", async () => {
    await managedInstancesRoles(iam);
    await t.ecs("CreateCluster", { clusterName: "mi" });
    const mip = miProvider({ cluster: "mi", provider: "mip" }) as any;
    const err = (input: unknown) => t.ecsError("CreateCapacityProvider", input);
    expect(await err({ name: "mip", managedInstancesProvider: mip })).toMatchObject({ code: "InvalidParameterException", message: "The cluster parameter is required when you create a capacity provider with Amazon ECS Managed Instances." });
    expect(await err({ name: "mip", cluster: "nope", managedInstancesProvider: mip })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await err({ name: "mip", cluster: "mi", managedInstancesProvider: mip, autoScalingGroupProvider: { autoScalingGroupArn: "g" } })).toMatchObject({ code: "InvalidParameterException" });
    expect(await err({ name: "mip", cluster: "mi", managedInstancesProvider: { ...mip, infrastructureRoleArn: "arn:aws:iam::000000000000:role/missing" } })).toMatchObject({
      code: "InvalidParameterException",
      message: "The specified infrastructure role arn:aws:iam::000000000000:role/missing does not exist. Specify a valid IAM role ARN and try again.",
    });
    const lt = mip.instanceLaunchTemplate;
    expect(await err({ name: "mip", cluster: "mi", managedInstancesProvider: { ...mip, instanceLaunchTemplate: { ...lt, networkConfiguration: { subnets: ["subnet-0000000000000dead"] } } } })).toMatchObject({
      code: "InvalidParameterException",
      message: "Error retrieving subnet information for [subnet-0000000000000dead]: The subnet ID 'subnet-0000000000000dead' does not exist (ErrorCode: InvalidSubnetID.NotFound)",
    });
    const req = { vCpuCount: { min: 4, max: 2 }, memoryMiB: { min: 1024 } };
    expect(await err({ name: "mip", cluster: "mi", managedInstancesProvider: { ...mip, instanceLaunchTemplate: { ...lt, instanceRequirements: req } } })).toMatchObject({
      code: "InvalidParameterException",
      message: "The maximum vCpuCount must be greater than or equal to the minimum vCpuCount.",
    });
    expect((await t.ecs("DescribeCapacityProviders", {})).capacityProviders!.map((p) => p.name)).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("serves only its cluster, which cannot be deleted while the provider exists", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", associate: false });
    await t.ecs("CreateCluster", { clusterName: "other" });
    expect(await t.ecsError("PutClusterCapacityProviders", { cluster: "other", capacityProviders: ["mip"], defaultCapacityProviderStrategy: [] })).toMatchObject({
      code: "InvalidParameterException",
      message: "The capacity provider mip belongs to cluster mi. A Managed Instances capacity provider can only be used in its cluster.",
    });
    expect((await t.ecs("DescribeCapacityProviders", { cluster: "other" })).capacityProviders).toEqual([]);
    expect(await t.ecsError("DeleteCluster", { cluster: "mi" })).toMatchObject({ code: "ClusterContainsCapacityProviderException" });
    expect(await t.ecsError("DeleteCapacityProvider", { capacityProvider: "mip", cluster: "other" })).toMatchObject({ code: "ClientException" });
  });
});

describe("tasks through the provider", () => {
  it("launch one instance of the cheapest type that holds them, in the provider's subnet, and run there once it joined", async () => {
    const requirements = { vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 4096, max: 16384 }, burstablePerformance: "included" };
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", requirements });
    await miTaskDefinition(t);
    const tasks = await run(3);
    expect(tasks.map((x) => [x.lastStatus, x.launchType, x.capacityProviderName, x.containerInstanceArn])).toEqual(Array(3).fill(["PROVISIONING", "MANAGED_INSTANCES", "mip", undefined]));
    const [inst] = await instances();
    // The cheapest x86_64 type of 2 to 4 vCPUs and 4 to 16 GiB, burstable ones included: t3a.medium ($0.0376 an hour).
    expect([inst.InstanceType, inst.SubnetId, inst.SecurityGroups.map((g) => g.GroupId), inst.IamInstanceProfile?.Arn]).toEqual(["t3a.medium", SUBNET_A, [DEFAULT_SG], PROFILE]);
    t.advance(0);
    const after = await describe_(tasks.map((x) => x.taskArn!));
    expect(after.map((x) => x.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(new Set(after.map((x) => x.containerInstanceArn)).size).toBe(1);
    const [ci] = (await t.ecs("DescribeContainerInstances", { cluster: "mi", containerInstances: [after[0].containerInstanceArn!] })).containerInstances!;
    expect([ci.ec2InstanceId, ci.capacityProviderName, ci.runningTasksCount]).toEqual([inst.InstanceId, "mip", 3]);
    expect(ci.attributes?.find((a) => a.name === "ecs.instance-type")?.value).toBe("t3a.medium");
  });

  it("packs tasks onto the instances that cost least in all, and counts instances already on their way", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", requirements: { vCpuCount: { min: 2 }, memoryMiB: { min: 1024 }, allowedInstanceTypes: ["m5.large", "m5.xlarge"] } });
    await miTaskDefinition(t, "big", "1024", "2048");
    await miTaskDefinition(t, "huge", "8192", "16384");
    // No allowed type holds this one: it waits, and keeps no other task from getting its instance.
    const [huge] = await run(1, "huge");
    // m5.large holds two such tasks ($0.096), m5.xlarge four ($0.192): three m5.large cost less than two m5.xlarge.
    await run(5, "big");
    await run(1, "big");
    expect((await instances()).map((i) => i.InstanceType)).toEqual(["m5.large", "m5.large", "m5.large"]);
    t.advance(0);
    expect((await describe_([huge.taskArn!]))[0].lastStatus).toBe("PROVISIONING");
    expect((await instances()).map((i) => i.SubnetId)).toEqual([SUBNET_A, SUBNET_B, SUBNET_A]);
  });

  it("refuses the bridge network mode", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip" });
    await t.ecs("RegisterTaskDefinition", { family: "bridge", containerDefinitions: [{ name: "app", image: "nginx", memory: 128 }] });
    expect(await t.ecsError("RunTask", { cluster: "mi", taskDefinition: "bridge" })).toMatchObject({ code: "InvalidParameterException", message: "Tasks on Amazon ECS Managed Instances must use the awsvpc or host network mode." });
  });
});

describe("the instances' lives", () => {
  it("terminates an idle instance after scaleInAfter, not before", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: 120 });
    await miTaskDefinition(t);
    const tasks = await run(2);
    t.advance(0);
    for (const x of tasks) await t.ecs("StopTask", { cluster: "mi", task: x.taskArn! });
    t.advance(119_999);
    expect((await instances()).map((i) => i.State.Name)).toEqual(["running"]);
    t.advance(1);
    expect((await instances()).map((i) => i.State.Name)).toEqual(["terminated"]);
    expect((await t.ecs("ListContainerInstances", { cluster: "mi" })).containerInstanceArns).toEqual([]);
  });

  it("drains an instance on day 14: its service task moves to a new instance and the old one is terminated", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: -1 });
    await miTaskDefinition(t);
    await t.ecs("CreateService", { cluster: "mi", serviceName: "web", taskDefinition: "web", desiredCount: 1, networkConfiguration: AWSVPC });
    t.advance(0);
    const [first] = await live();
    t.advance(14 * 24 * 3600_000 - 1);
    expect((await live()).map((i) => i.InstanceId)).toEqual([first.InstanceId]);
    t.advance(1);
    const now = await instances();
    expect(now.map((i) => [i.InstanceId === first.InstanceId, i.State.Name])).toEqual([
      [true, "terminated"],
      [false, "running"],
    ]);
    const svc = (await t.ecs("DescribeServices", { cluster: "mi", services: ["web"] })).services![0];
    expect([svc.runningCount, svc.desiredCount]).toEqual([1, 1]);
  });
});

describe("UpdateCapacityProvider and DeleteCapacityProvider", () => {
  it("applies an update to later launches, and deletes by terminating the instances", async () => {
    await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: -1 });
    await miTaskDefinition(t);
    await run(1);
    const update = { infrastructureRoleArn: INFRA_ROLE, instanceLaunchTemplate: { networkConfiguration: { subnets: [SUBNET_B], securityGroups: [DEFAULT_SG] } } };
    const { capacityProvider: during } = await t.ecs("UpdateCapacityProvider", { name: "mip", cluster: "mi", managedInstancesProvider: update });
    expect([during!.updateStatus, during!.managedInstancesProvider!.instanceLaunchTemplate!.networkConfiguration.subnets]).toEqual(["UPDATE_IN_PROGRESS", [SUBNET_A, SUBNET_B]]);
    t.advance(0);
    const [done] = (await t.ecs("DescribeCapacityProviders", { capacityProviders: ["mip"] })).capacityProviders!;
    expect([done.updateStatus, done.managedInstancesProvider!.instanceLaunchTemplate!.networkConfiguration.subnets]).toEqual(["UPDATE_COMPLETE", [SUBNET_B]]);
    await t.ecs("RegisterTaskDefinition", { family: "huge", requiresCompatibilities: ["MANAGED_INSTANCES"], networkMode: "awsvpc", cpu: "2048", memory: "4096", containerDefinitions: [{ name: "app", image: "nginx" }] });
    await run(1, "huge");
    expect((await instances()).map((i) => i.SubnetId)).toEqual([SUBNET_A, SUBNET_B]);

    const failed = (await t.ecs("DeleteCapacityProvider", { capacityProvider: "mip" })).capacityProvider!;
    expect([failed.status, failed.updateStatus]).toEqual(["ACTIVE", "DELETE_FAILED"]);
    for (const task of (await t.ecs("ListTasks", { cluster: "mi" })).taskArns!) await t.ecs("StopTask", { cluster: "mi", task });
    t.advance(0);
    await t.ecs("PutClusterCapacityProviders", { cluster: "mi", capacityProviders: [], defaultCapacityProviderStrategy: [] });
    const deleting = (await t.ecs("DeleteCapacityProvider", { capacityProvider: "mip", cluster: "mi" })).capacityProvider!;
    expect([deleting.status, deleting.updateStatus]).toEqual(["DEPROVISIONING", "DELETE_IN_PROGRESS"]);
    t.advance(0);
    const [gone] = (await t.ecs("DescribeCapacityProviders", { capacityProviders: ["mip"] })).capacityProviders!;
    expect([gone.status, gone.updateStatus]).toEqual(["INACTIVE", "DELETE_COMPLETE"]);
    expect((await instances()).map((i) => i.State.Name)).toEqual(["terminated", "terminated"]);
  });
});
