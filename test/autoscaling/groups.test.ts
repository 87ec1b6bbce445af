// Launch configurations and groups: creation with AWS's checks and texts, what Describe answers,
// updates of min/max/desired, deletion (refused with instances, forced, "Delete in progress"), and
// the SDK v3 client and its waiters against the same server.
import { AutoScalingClient, CreateAutoScalingGroupCommand, DeleteAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, waitUntilGroupExists, waitUntilGroupInService, waitUntilGroupNotExists } from "@aws-sdk/client-auto-scaling";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

const AMI = "ami-0fe5f366c083f59ca";
let t: TestLocal;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: AMI, InstanceType: "t3.micro" });
});
afterAll(() => t.close());

const describeGroup = async (name: string) => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
const create = (name: string, extra: Record<string, unknown> = {}) => asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: name, LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 3, VPCZoneIdentifier: SUBNET_A, ...extra });

describe("launch configurations", () => {
  it("answers AWS's defaults, refuses a second one of the same name, and lists by name", async () => {
    const unknown = await asg.error("CreateLaunchConfiguration", { LaunchConfigurationName: "web", ImageId: AMI, InstanceType: "m5.large", IamInstanceProfile: "ecsInstanceRole" });
    expect([unknown.code, unknown.message]).toEqual(["ValidationError", "Invalid IamInstanceProfile: ecsInstanceRole"]);
    await queryCaller(t, "iam").call("CreateInstanceProfile", { InstanceProfileName: "ecsInstanceRole" });
    await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "web", ImageId: AMI, InstanceType: "m5.large", KeyName: "k", SecurityGroups: ["sg-0123456789abcdef0"], IamInstanceProfile: "ecsInstanceRole" });
    const lc = (await asg.call("DescribeLaunchConfigurations", { LaunchConfigurationNames: ["web", "nope"] })).LaunchConfigurations;
    expect(lc).toEqual([
      {
        LaunchConfigurationName: "web",
        LaunchConfigurationARN: expect.stringMatching(/^arn:aws:autoscaling:us-east-1:000000000000:launchConfiguration:[0-9a-f-]{36}:launchConfigurationName\/web$/),
        ImageId: AMI,
        KeyName: "k",
        SecurityGroups: ["sg-0123456789abcdef0"],
        ClassicLinkVPCSecurityGroups: [],
        UserData: "",
        InstanceType: "m5.large",
        BlockDeviceMappings: [],
        InstanceMonitoring: { Enabled: true },
        IamInstanceProfile: "ecsInstanceRole",
        CreatedTime: expect.any(Number),
        EbsOptimized: false,
      },
    ]);
    const err = await asg.error("CreateLaunchConfiguration", { LaunchConfigurationName: "web", ImageId: AMI, InstanceType: "t3.micro" });
    expect([err.code, err.message]).toEqual(["AlreadyExists", "Launch Configuration by this name already exists - A launch configuration already exists with the name web"]);
    const missing = await asg.error("CreateLaunchConfiguration", { LaunchConfigurationName: "half", ImageId: AMI });
    expect(missing.message).toBe("Valid requests must contain either the InstanceID parameter or both the ImageId and InstanceType parameters.");
  });

  it("refuses to delete one a group uses, and one that does not exist", async () => {
    await create("uses-lc");
    const inUse = await asg.error("DeleteLaunchConfiguration", { LaunchConfigurationName: "lc" });
    expect([inUse.code, inUse.message]).toEqual(["ResourceInUse", "Cannot delete launch configuration lc because it is attached to AutoScalingGroup uses-lc"]);
    const none = await asg.error("DeleteLaunchConfiguration", { LaunchConfigurationName: "ghost" });
    expect([none.code, none.message]).toEqual(["ValidationError", "Launch configuration name not found - Launch configuration ghost not found"]);
    await asg.call("DeleteLaunchConfiguration", { LaunchConfigurationName: "web" });
    expect((await asg.call("DescribeLaunchConfigurations", { LaunchConfigurationNames: ["web"] })).LaunchConfigurations).toEqual([]);
  });
});

describe("creating a group", () => {
  it("checks sizes, launch source, subnets and zones in AWS's words, creating nothing when refused", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ MinSize: 2, MaxSize: 1 }, "ValidationError", "Max bound, 1, must be greater than or equal to min bound, 2"],
      [{ DesiredCapacity: 5 }, "ValidationError", "Desired capacity:5 must be between the specified min size:0 and max size:3"],
      [{ LaunchConfigurationName: "ghost" }, "ValidationError", "Launch configuration name not found - Launch configuration ghost not found"],
      [{ LaunchConfigurationName: undefined }, "ValidationError", "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter."],
      [{ VPCZoneIdentifier: "subnet-0000000000000000f" }, "ValidationError", "The subnet ID 'subnet-0000000000000000f' does not exist"],
      [{ VPCZoneIdentifier: undefined }, "ValidationError", "At least one Availability Zone or VPC Subnet is required."],
      [{ VPCZoneIdentifier: SUBNET_A, AvailabilityZones: ["us-east-1b"] }, "ValidationError", "The availability zones of the specified subnets and the AutoScalingGroup do not match"],
      [{ TargetGroupARNs: ["arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/none/0123456789abcdef"] }, "ValidationError", "Provided Target Groups may not be valid. Please ensure they exist and try again."],
    ];
    for (const [extra, code, message] of cases) {
      const err = await asg.error("CreateAutoScalingGroup", { AutoScalingGroupName: "bad", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 3, VPCZoneIdentifier: SUBNET_A, ...extra });
      expect([err.code, err.message]).toEqual([code, message]);
    }
    expect(await describeGroup("bad")).toBeUndefined();
    await create("twice");
    const again = await asg.error("CreateAutoScalingGroup", { AutoScalingGroupName: "twice", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 1, AvailabilityZones: ["us-east-1a"] });
    expect([again.code, again.message]).toEqual(["AlreadyExists", "AutoScalingGroup by this name already exists - A group with the name twice already exists"]);
  });

  it("answers the group as AWS does, zones from its subnets and AWS's defaults", async () => {
    await create("shape", { VPCZoneIdentifier: `${SUBNET_B},${SUBNET_A}`, Tags: [{ Key: "env", Value: "dev", PropagateAtLaunch: true }] });
    const g = await describeGroup("shape");
    expect(g).toEqual({
      AutoScalingGroupName: "shape",
      AutoScalingGroupARN: expect.stringMatching(/^arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/shape$/),
      LaunchConfigurationName: "lc",
      MinSize: 0,
      MaxSize: 3,
      DesiredCapacity: 0,
      DefaultCooldown: 300,
      AvailabilityZones: ["us-east-1a", "us-east-1b"],
      LoadBalancerNames: [],
      TargetGroupARNs: [],
      HealthCheckType: "EC2",
      HealthCheckGracePeriod: 0,
      Instances: [],
      CreatedTime: expect.any(Number),
      SuspendedProcesses: [],
      VPCZoneIdentifier: `${SUBNET_B},${SUBNET_A}`,
      EnabledMetrics: [],
      Tags: [{ ResourceId: "shape", ResourceType: "auto-scaling-group", Key: "env", Value: "dev", PropagateAtLaunch: true }],
      TerminationPolicies: ["Default"],
      NewInstancesProtectedFromScaleIn: false,
      ServiceLinkedRoleARN: "arn:aws:iam::000000000000:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
      CapacityRebalance: false,
      TrafficSources: [],
    });
  });

  it("filters by tags and pages with NextToken", async () => {
    for (const n of ["p1", "p2", "p3"]) await create(n, { Tags: [{ Key: "page", Value: n === "p2" ? "even" : "odd" }] });
    const odd = await asg.call("DescribeAutoScalingGroups", { Filters: [{ Name: "tag:page", Values: ["odd"] }] });
    expect(odd.AutoScalingGroups.map((g: any) => g.AutoScalingGroupName)).toEqual(["p1", "p3"]);
    const keyed = await asg.call("DescribeAutoScalingGroups", { Filters: [{ Name: "tag-key", Values: ["page"] }, { Name: "tag-value", Values: ["even"] }] });
    expect(keyed.AutoScalingGroups.map((g: any) => g.AutoScalingGroupName)).toEqual(["p2"]);
    const first = await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["p1", "p2", "p3"], MaxRecords: 2 });
    expect(first.AutoScalingGroups.map((g: any) => g.AutoScalingGroupName)).toEqual(["p1", "p2"]);
    const second = await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["p1", "p2", "p3"], MaxRecords: 2, NextToken: first.NextToken });
    expect(second.AutoScalingGroups.map((g: any) => g.AutoScalingGroupName)).toEqual(["p3"]);
    expect(second.NextToken).toBeUndefined();
    const bad = await asg.error("DescribeAutoScalingGroups", { NextToken: "nonsense" });
    expect(bad.code).toBe("InvalidNextToken");
  });
});

describe("updating and deleting", () => {
  it("raises the desired capacity to a new MinSize and lowers it to a new MaxSize, as the API reference says", async () => {
    await create("upd", { DesiredCapacity: 1 });
    await asg.call("UpdateAutoScalingGroup", { AutoScalingGroupName: "upd", MinSize: 2 });
    expect((await describeGroup("upd")).DesiredCapacity).toBe(2);
    await asg.call("UpdateAutoScalingGroup", { AutoScalingGroupName: "upd", MinSize: 0, MaxSize: 1 });
    const g = await describeGroup("upd");
    expect([g.MinSize, g.MaxSize, g.DesiredCapacity, g.Instances.length]).toEqual([0, 1, 1, 1]);
    const bad = await asg.error("UpdateAutoScalingGroup", { AutoScalingGroupName: "upd", MaxSize: 5, DesiredCapacity: 6 });
    expect(bad.message).toBe("Desired capacity:6 must be between the specified min size:0 and max size:5");
    const none = await asg.error("UpdateAutoScalingGroup", { AutoScalingGroupName: "nobody", MaxSize: 2 });
    expect([none.code, none.message]).toEqual(["ValidationError", "AutoScalingGroup name not found - null"]);
  });

  it("refuses to delete a group with instances, deletes it with ForceDelete, and a group that is gone is not found", async () => {
    await create("del", { DesiredCapacity: 2, MaxSize: 2 });
    expect((await describeGroup("del")).Instances.map((i: any) => i.LifecycleState)).toEqual(["InService", "InService"]);
    const refused = await asg.error("DeleteAutoScalingGroup", { AutoScalingGroupName: "del" });
    expect([refused.code, refused.message]).toEqual(["ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group."]);
    await asg.call("DeleteAutoScalingGroup", { AutoScalingGroupName: "del", ForceDelete: true });
    expect(await describeGroup("del")).toBeUndefined();
    const gone = await asg.error("DeleteAutoScalingGroup", { AutoScalingGroupName: "del" });
    expect([gone.code, gone.message]).toEqual(["ValidationError", "AutoScalingGroup name not found - AutoScalingGroup 'del' not found"]);
    const activities = (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "del", IncludeDeletedGroups: true })).Activities;
    expect(activities.map((a: any) => [a.Description.split(":")[0], a.StatusCode, a.AutoScalingGroupState])).toEqual([
      ["Terminating EC2 instance", "Successful", "Deleted"],
      ["Terminating EC2 instance", "Successful", "Deleted"],
      ["Launching a new EC2 instance", "Successful", "Deleted"],
      ["Launching a new EC2 instance", "Successful", "Deleted"],
    ]);
    expect((await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "del" })).Activities).toEqual([]);
  });

  it("shows Delete in progress while its instances terminate", async () => {
    const slow = await startLocal({ timings: { instanceShuttingDownMs: 5000 } as never });
    try {
      const a = queryCaller(slow, "autoscaling");
      await a.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: AMI, InstanceType: "t3.micro" });
      await a.call("CreateAutoScalingGroup", { AutoScalingGroupName: "slow", LaunchConfigurationName: "lc", MinSize: 1, MaxSize: 1, AvailabilityZones: ["us-east-1a"] });
      await a.call("DeleteAutoScalingGroup", { AutoScalingGroupName: "slow", ForceDelete: true });
      const g = (await a.call("DescribeAutoScalingGroups", {})).AutoScalingGroups[0];
      expect([g.Status, g.Instances[0].LifecycleState]).toEqual(["Delete in progress", "Terminating"]);
      const busy = await a.error("UpdateAutoScalingGroup", { AutoScalingGroupName: "slow", MaxSize: 2 });
      expect(busy.message).toBe("AutoScalingGroup slow is pending delete.");
      slow.advance(5000);
      expect((await a.call("DescribeAutoScalingGroups", {})).AutoScalingGroups).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe("the SDK v3 client", () => {
  it("creates a group and its waiters succeed on their first poll", async () => {
    const client = new AutoScalingClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await client.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: "sdk", LaunchConfigurationName: "lc", MinSize: 2, MaxSize: 2, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` }));
    const waiter = { client, maxWaitTime: 5, minDelay: 1, maxDelay: 1 };
    expect((await waitUntilGroupExists(waiter, { AutoScalingGroupNames: ["sdk"] })).state).toBe("SUCCESS");
    expect((await waitUntilGroupInService(waiter, { AutoScalingGroupNames: ["sdk"] })).state).toBe("SUCCESS");
    const g = (await client.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ["sdk"] }))).AutoScalingGroups![0];
    expect(g.Instances!.map((i) => [i.AvailabilityZone, i.LifecycleState, i.HealthStatus]).sort()).toEqual([
      ["us-east-1a", "InService", "Healthy"],
      ["us-east-1b", "InService", "Healthy"],
    ]);
    expect(g.CreatedTime).toBeInstanceOf(Date);
    await client.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: "sdk", ForceDelete: true }));
    expect((await waitUntilGroupNotExists(waiter, { AutoScalingGroupNames: ["sdk"] })).state).toBe("SUCCESS");
  });
});
