// Groups really run instances through EC2: launches balanced across zones with the launch
// configuration and the propagated tags, ECS clusters joined through the user data, activities in
// AWS's words, replacement of instances EC2 terminated, desired capacity and cooldowns, scale-in
// with protection and termination policies, suspended processes, and the port ECS uses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

const AMI = "ami-0fe5f366c083f59ca";
const USER_DATA = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=web >> /etc/ecs/ecs.config\n").toString("base64");
const T0 = "2026-01-01T00:00:00Z";

let t: TestLocal;
let asg: QueryCaller;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  t.clock.set(Date.parse(T0));
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: AMI, InstanceType: "t3.medium", UserData: USER_DATA });
});

const group = async (name = "g") => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
const activities = async (name = "g") => (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: name })).Activities;
const create = (extra: Record<string, unknown> = {}) =>
  asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "g", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}`, ...extra });
const ec2Instance = async (id: string) => (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0];
const ids = (g: any): string[] => g.Instances.map((i: any) => i.InstanceId);

describe("launching through EC2", () => {
  it("launches the configuration's instances across the subnets' zones, with the propagated tags and the group's name tag", async () => {
    await t.ecs("CreateCluster", { clusterName: "web" });
    await create({ DesiredCapacity: 3, Tags: [{ Key: "team", Value: "core", PropagateAtLaunch: true }, { Key: "cost", Value: "x", PropagateAtLaunch: false }] });
    const g = await group();
    expect(g.Instances.map((i: any) => [i.AvailabilityZone, i.LifecycleState, i.HealthStatus, i.LaunchConfigurationName])).toEqual([
      ["us-east-1a", "InService", "Healthy", "lc"],
      ["us-east-1b", "InService", "Healthy", "lc"],
      ["us-east-1a", "InService", "Healthy", "lc"],
    ]);
    const inst = await ec2Instance(g.Instances[1].InstanceId);
    expect([inst.ImageId, inst.InstanceType, inst.SubnetId, inst.State.Name]).toEqual([AMI, "t3.medium", SUBNET_B, "running"]);
    expect(inst.Tags).toEqual([{ Key: "team", Value: "core" }, { Key: "aws:autoscaling:groupName", Value: "g" }]);
    // The user data names ECS_CLUSTER: each instance joined the cluster through EC2's agent hook.
    const cis = await t.ecs("ListContainerInstances", { cluster: "web" });
    const described = await t.ecs("DescribeContainerInstances", { cluster: "web", containerInstances: cis.containerInstanceArns! });
    expect(described.containerInstances!.map((c) => c.ec2InstanceId).sort()).toEqual(ids(g).sort());
  });

  it("records each launch as a scaling activity in AWS's words", async () => {
    await create({ DesiredCapacity: 1 });
    const [a] = await activities();
    const id = (await group()).Instances[0].InstanceId;
    expect(a).toEqual({
      ActivityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      AutoScalingGroupName: "g",
      Description: `Launching a new EC2 instance: ${id}`,
      Cause: `At ${T0} a user request created an AutoScalingGroup changing the desired capacity from 0 to 1.  At ${T0} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 1.`,
      StartTime: Date.parse(T0) / 1000,
      EndTime: Date.parse(T0) / 1000,
      StatusCode: "Successful",
      Progress: 100,
      Details: JSON.stringify({ "Subnet ID": SUBNET_A, "Availability Zone": "us-east-1a" }),
    });
    expect((await asg.call("DescribeAutoScalingInstances", { InstanceIds: [id] })).AutoScalingInstances).toEqual([
      { InstanceId: id, InstanceType: "t3.medium", AutoScalingGroupName: "g", AvailabilityZone: "us-east-1a", AvailabilityZoneId: "use1-az1", LifecycleState: "InService", HealthStatus: "HEALTHY", LaunchConfigurationName: "lc", ImageId: AMI, ProtectedFromScaleIn: false },
    ]);
  });

  it("records a launch EC2 refuses as a Failed activity, and tries again later", async () => {
    await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "broken", ImageId: AMI, InstanceType: "t3.medium", UserData: "not base64!" });
    await create({ LaunchConfigurationName: "broken", DesiredCapacity: 1 });
    const [a] = await activities();
    expect([a.Description, a.StatusCode, a.StatusMessage]).toEqual(["Launching a new EC2 instance.  Status Reason: Invalid BASE64 encoding of user data. Launching EC2 instance failed.", "Failed", "Invalid BASE64 encoding of user data. Launching EC2 instance failed."]);
    t.advance(9_999);
    expect(await activities()).toHaveLength(1);
    t.advance(1);
    expect((await activities()).map((x: any) => x.StatusCode)).toEqual(["Failed", "Failed"]);
  });
});

describe("health and replacement", () => {
  it("replaces an instance terminated in EC2 once its grace period is over", async () => {
    await create({ HealthCheckGracePeriod: 60, DesiredCapacity: 1 });
    const [first] = ids(await group());
    t.advance(30_000);
    await ec2.call("TerminateInstances", { InstanceIds: [first] });
    expect((await group()).Instances.map((i: any) => [i.InstanceId, i.HealthStatus, i.LifecycleState])).toEqual([[first, "Healthy", "InService"]]);
    t.advance(30_000);
    const g = await group();
    expect(g.Instances).toHaveLength(1);
    expect(g.Instances[0].InstanceId).not.toBe(first);
    const [launch, terminate] = await activities();
    const now = "2026-01-01T00:01:00Z";
    expect([terminate.Description, terminate.Cause, terminate.StatusCode]).toEqual([`Terminating EC2 instance: ${first}`, `At ${now} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.`, "Successful"]);
    expect([launch.Description, launch.Cause]).toEqual([`Launching a new EC2 instance: ${g.Instances[0].InstanceId}`, `At ${now} an instance was launched in response to an unhealthy instance needing to be replaced.`]);
  });

  it("terminates and replaces an instance stopped in EC2; SetInstanceHealth Unhealthy does the same", async () => {
    await create();
    const [a, b] = ids(await group());
    await ec2.call("StopInstances", { InstanceIds: [a] });
    await asg.call("SetInstanceHealth", { InstanceId: b, HealthStatus: "Unhealthy" });
    const g = await group();
    expect(ids(g).filter((id) => id === a || id === b)).toEqual([]);
    expect(g.Instances).toHaveLength(2);
    expect((await ec2Instance(a)).State.Name).toBe("terminated");
    const causes = (await activities()).filter((x: any) => x.Description.startsWith("Terminating")).map((x: any) => x.Cause.replace(/^At \S+ /, ""));
    expect(causes.sort()).toEqual(["an instance was taken out of service in response to a user health-check.", "an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped."]);
  });

  it("leaves an unhealthy instance while ReplaceUnhealthy is suspended, and replaces it once resumed", async () => {
    await create({ DesiredCapacity: 1 });
    await asg.call("SuspendProcesses", { AutoScalingGroupName: "g", ScalingProcesses: ["ReplaceUnhealthy"] });
    expect((await group()).SuspendedProcesses).toEqual([{ ProcessName: "ReplaceUnhealthy", SuspensionReason: `User suspended at ${T0}` }]);
    const [a] = ids(await group());
    await ec2.call("TerminateInstances", { InstanceIds: [a] });
    expect((await group()).Instances.map((i: any) => [i.InstanceId, i.HealthStatus, i.LifecycleState])).toEqual([[a, "Unhealthy", "InService"]]);
    await asg.call("ResumeProcesses", { AutoScalingGroupName: "g" });
    const g = await group();
    expect([g.SuspendedProcesses, g.Instances.length, ids(g).includes(a)]).toEqual([[], 1, false]);
  });
});

describe("desired capacity", () => {
  it("scales out and in with SetDesiredCapacity, in AWS's words", async () => {
    await create({ DesiredCapacity: 1, TerminationPolicies: ["NewestInstance"] });
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 3 });
    const out = await activities();
    expect(out[0].Cause).toBe(`At ${T0} a user request explicitly set group desired capacity changing the desired capacity from 1 to 3.  At ${T0} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 3.`);
    const three = ids(await group());
    expect(three).toHaveLength(3);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2 });
    const [scaleIn] = await activities();
    expect([scaleIn.Description, scaleIn.Cause]).toEqual([
      `Terminating EC2 instance: ${three[2]}`,
      `At ${T0} a user request explicitly set group desired capacity changing the desired capacity from 3 to 2.  At ${T0} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 3 to 2.  At ${T0} instance ${three[2]} was selected for termination.`,
    ]);
    expect(ids(await group())).toEqual(three.slice(0, 2));
    for (const [desired, message] of [
      [5, "New SetDesiredCapacity value 5 is above max value 4 for the AutoScalingGroup."],
      [-1, "New SetDesiredCapacity value -1 is below min value 0 for the AutoScalingGroup."],
    ] as const) {
      const err = await asg.error("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: desired });
      expect(err.message).toContain(message);
    }
    await asg.call("UpdateAutoScalingGroup", { AutoScalingGroupName: "g", MinSize: 2 });
    expect((await asg.error("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 1 })).message).toBe("New SetDesiredCapacity value 1 is below min value 2 for the AutoScalingGroup.");
  });

  it("with HonorCooldown refuses a change during the cooldown that follows the last one", async () => {
    await create({ DesiredCapacity: 1, DefaultCooldown: 120 });
    const [last] = await activities();
    const err = await asg.error("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2, HonorCooldown: true });
    expect([err.code, err.message]).toEqual(["ScalingActivityInProgress", `Scaling activity ${last.ActivityId} is in progress and blocks this action`]);
    expect((await group()).DesiredCapacity).toBe(1);
    t.advance(120_000);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2, HonorCooldown: true });
    expect((await group()).Instances).toHaveLength(2);
  });

  it("never scales in a protected instance, and new instances take the group's protection", async () => {
    await create({ DesiredCapacity: 3, TerminationPolicies: ["OldestInstance"] });
    const [a, b, c] = ids(await group());
    await asg.call("SetInstanceProtection", { AutoScalingGroupName: "g", InstanceIds: [a], ProtectedFromScaleIn: true });
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 1 });
    expect(ids(await group())).toEqual([a]);
    expect(b && c).toBeTruthy();
    await asg.call("UpdateAutoScalingGroup", { AutoScalingGroupName: "g", NewInstancesProtectedFromScaleIn: true, DesiredCapacity: 2 });
    expect((await group()).Instances.map((i: any) => i.ProtectedFromScaleIn)).toEqual([true, true]);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 0 });
    expect((await group()).Instances).toHaveLength(2);
    const err = await asg.error("SetInstanceProtection", { AutoScalingGroupName: "g", InstanceIds: ["i-0000000000000000f"], ProtectedFromScaleIn: false });
    expect(err.message).toBe("The instance i-0000000000000000f is not part of Auto Scaling group g.");
  });

  it("terminates an instance on request, with or without a replacement", async () => {
    await create({ MinSize: 1 });
    const [a, b] = ids(await group());
    const r = await asg.call("TerminateInstanceInAutoScalingGroup", { InstanceId: a, ShouldDecrementDesiredCapacity: false });
    expect([r.Activity.Description, r.Activity.Cause, r.Activity.StatusCode, r.Activity.Progress]).toEqual([`Terminating EC2 instance: ${a}`, `At ${T0} instance ${a} was taken out of service in response to a user request.`, "InProgress", 0]);
    let g = await group();
    expect([g.DesiredCapacity, g.Instances.length, ids(g).includes(a)]).toEqual([2, 2, false]);
    const d = await asg.call("TerminateInstanceInAutoScalingGroup", { InstanceId: b, ShouldDecrementDesiredCapacity: true });
    expect(d.Activity.Cause).toBe(`At ${T0} instance ${b} was taken out of service in response to a user request, shrinking the capacity from 2 to 1.`);
    g = await group();
    expect([g.DesiredCapacity, g.Instances.length]).toEqual([1, 1]);
    const min = await asg.error("TerminateInstanceInAutoScalingGroup", { InstanceId: g.Instances[0].InstanceId, ShouldDecrementDesiredCapacity: true });
    expect(min.message).toBe("Currently, desiredSize equals minSize (1). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.");
    const none = await asg.error("TerminateInstanceInAutoScalingGroup", { InstanceId: a, ShouldDecrementDesiredCapacity: false });
    expect(none.message).toBe(`Instance Id not found - No managed instance found for instance ID: ${a}`);
  });

  it("does not launch while Launch is suspended, nor terminate while Terminate is", async () => {
    await create({ DesiredCapacity: 0 });
    await asg.call("SuspendProcesses", { AutoScalingGroupName: "g", ScalingProcesses: ["Launch"] });
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2 });
    expect((await group()).Instances).toEqual([]);
    await asg.call("ResumeProcesses", { AutoScalingGroupName: "g", ScalingProcesses: ["Launch"] });
    expect((await group()).Instances).toHaveLength(2);
    await asg.call("SuspendProcesses", { AutoScalingGroupName: "g", ScalingProcesses: ["Terminate"] });
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 0 });
    expect((await group()).Instances).toHaveLength(2);
    await asg.call("ResumeProcesses", { AutoScalingGroupName: "g" });
    expect((await group()).Instances).toEqual([]);
    const bad = await asg.error("SuspendProcesses", { AutoScalingGroupName: "g", ScalingProcesses: ["Nap"] });
    expect(bad.code).toBe("ValidationError");
  });
});

describe("instances moved by request", () => {
  it("moves instances to Standby and back, in AWS's words", async () => {
    await create();
    const [a] = ids(await group());
    const enter = await asg.call("EnterStandby", { AutoScalingGroupName: "g", InstanceIds: [a], ShouldDecrementDesiredCapacity: true });
    expect(enter.Activities.map((x: any) => [x.Description, x.Cause, x.StatusCode, x.Progress])).toEqual([
      [`Moving EC2 instance to Standby: ${a}`, `At ${T0} instance ${a} was moved to standby in response to a user request, shrinking the capacity from 2 to 1.`, "InProgress", 50],
    ]);
    let g = await group();
    expect([g.DesiredCapacity, g.Instances.find((i: any) => i.InstanceId === a).LifecycleState, g.Instances.length]).toEqual([1, "Standby", 2]);
    const exit = await asg.call("ExitStandby", { AutoScalingGroupName: "g", InstanceIds: [a] });
    expect(exit.Activities.map((x: any) => [x.Description, x.Cause, x.StatusCode, x.Progress])).toEqual([
      [`Moving EC2 instance out of Standby: ${a}`, `At ${T0} instance ${a} was moved out of standby in response to a user request, increasing the capacity from 1 to 2.`, "PreInService", 30],
    ]);
    g = await group();
    expect([g.DesiredCapacity, g.Instances.map((i: any) => i.LifecycleState)]).toEqual([2, ["InService", "InService"]]);
  });

  it("detaches an instance (still running in EC2) and attaches a running one", async () => {
    await create();
    const [a] = ids(await group());
    const d = await asg.call("DetachInstances", { AutoScalingGroupName: "g", InstanceIds: [a], ShouldDecrementDesiredCapacity: true });
    expect(d.Activities[0].Cause).toBe(`At ${T0} instance ${a} was detached in response to a user request, shrinking the capacity from 2 to 1.`);
    expect(ids(await group()).includes(a)).toBe(false);
    expect((await ec2Instance(a)).State.Name).toBe("running");
    await asg.call("AttachInstances", { AutoScalingGroupName: "g", InstanceIds: [a] });
    const g = await group();
    expect([g.DesiredCapacity, g.Instances.find((i: any) => i.InstanceId === a)?.LifecycleState]).toEqual([2, "InService"]);
    const [attach] = await activities();
    expect([attach.Description, attach.Cause, attach.Details]).toEqual([`Attaching an existing EC2 instance: ${a}`, `At ${T0} an instance was added in response to user request. Keeping the capacity at the new 2.`, '{"Availability Zone":"us-east-1a"}']);
  });
});

describe("target groups", () => {
  it("registers instances in service, deregisters those that leave, and takes attached and detached groups along", async () => {
    const elb = queryCaller(t, "elbv2");
    const vpc = (await ec2.call("DescribeSubnets", { SubnetIds: [SUBNET_A] })).Subnets[0].VpcId;
    const tg = (await elb.call("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: vpc })).TargetGroups[0].TargetGroupArn;
    const tg2 = (await elb.call("CreateTargetGroup", { Name: "api", Protocol: "HTTP", Port: 8080, VpcId: vpc })).TargetGroups[0].TargetGroupArn;
    const targets = async (arn: string) => (await elb.call("DescribeTargetHealth", { TargetGroupArn: arn })).TargetHealthDescriptions.map((d: any) => d.Target.Id).sort();
    await create({ TargetGroupARNs: [tg], TerminationPolicies: ["NewestInstance"] });
    const [a, b] = ids(await group());
    expect(await targets(tg)).toEqual([a, b].sort());
    await asg.call("AttachLoadBalancerTargetGroups", { AutoScalingGroupName: "g", TargetGroupARNs: [tg2] });
    expect(await targets(tg2)).toEqual([a, b].sort());
    expect((await asg.call("DescribeLoadBalancerTargetGroups", { AutoScalingGroupName: "g" })).LoadBalancerTargetGroups).toEqual([
      { LoadBalancerTargetGroupARN: tg, State: "InService" },
      { LoadBalancerTargetGroupARN: tg2, State: "InService" },
    ]);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 1 });
    expect(await targets(tg)).toEqual([a]);
    await asg.call("DetachTrafficSources", { AutoScalingGroupName: "g", TrafficSources: [{ Identifier: tg2, Type: "elbv2" }] });
    expect(await targets(tg2)).toEqual([]);
    expect((await asg.call("DescribeTrafficSources", { AutoScalingGroupName: "g" })).TrafficSources).toEqual([{ TrafficSource: tg, State: "InService", Identifier: tg, Type: "elbv2" }]);
    expect((await group()).TargetGroupARNs).toEqual([tg]);
  });
});

describe("the port ECS capacity providers use", () => {
  it("reads a group by name or ARN, sets its desired capacity with ECS's cause and protects instances", async () => {
    await create({ NewInstancesProtectedFromScaleIn: true });
    const port = t.local.registry.backends.autoscaling.groups;
    const arn = (await group()).AutoScalingGroupARN;
    const view = port.group("000000000000", "us-east-1", arn)!;
    expect([view.name, view.minSize, view.maxSize, view.desiredCapacity, view.newInstancesProtectedFromScaleIn, view.instances.map((i) => [i.lifecycleState, i.protectedFromScaleIn])]).toEqual([
      "g",
      0,
      4,
      2,
      true,
      [
        ["InService", true],
        ["InService", true],
      ],
    ]);
    expect(port.group("000000000000", "us-east-1", "nope")).toBeUndefined();
    port.setDesiredCapacity("000000000000", "us-east-1", "g", 3, "a monitor alarm TargetTracking-g-AlarmHigh in state ALARM triggered policy ECSManagedAutoScalingPolicy");
    const [a] = await activities();
    expect(a.Cause).toBe(`At ${T0} a monitor alarm TargetTracking-g-AlarmHigh in state ALARM triggered policy ECSManagedAutoScalingPolicy changing the desired capacity from 2 to 3.  At ${T0} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 3.`);
    expect(() => port.setDesiredCapacity("000000000000", "us-east-1", "g", 9, "x")).toThrow("New SetDesiredCapacity value 9 is above max value 4 for the AutoScalingGroup.");
    port.setInstanceProtection("000000000000", "us-east-1", "g", [view.instances[0].instanceId], false);
    expect((await group()).Instances[0].ProtectedFromScaleIn).toBe(false);
  });
});
