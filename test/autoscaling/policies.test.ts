// Scaling policies (simple, step, percent; target tracking kept), scheduled actions on the clock
// (one-time, recurring in a time zone, batches), tags, and the lists Auto Scaling describes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A } from "../helpers/fixtures.js";

const T0 = "2026-01-01T00:00:00Z";
let t: TestLocal;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  t.clock.set(Date.parse(T0));
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" });
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "g", LaunchConfigurationName: "lc", MinSize: 1, MaxSize: 10, DesiredCapacity: 4, VPCZoneIdentifier: SUBNET_A, DefaultCooldown: 60 });
});

const desired = async () => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["g"] })).AutoScalingGroups[0].DesiredCapacity;
const put = (p: Record<string, unknown>) => asg.call("PutScalingPolicy", { AutoScalingGroupName: "g", ...p });
const execute = (p: Record<string, unknown>) => asg.call("ExecutePolicy", { AutoScalingGroupName: "g", ...p });

describe("scaling policies", () => {
  it("executes simple policies of each adjustment type, within the group's bounds", async () => {
    const { PolicyARN } = await put({ PolicyName: "up", AdjustmentType: "ChangeInCapacity", ScalingAdjustment: 2 });
    expect(PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/g:policyName\/up$/);
    await execute({ PolicyName: "up" });
    expect(await desired()).toBe(6);
    const cause = (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "g" })).Activities[0].Cause;
    expect(cause).toMatch(/^At 2026-01-01T00:00:00Z a user request executed policy up changing the desired capacity from 4 to 6\.  At /);
    await put({ PolicyName: "half", AdjustmentType: "PercentChangeInCapacity", ScalingAdjustment: -50 });
    await execute({ PolicyName: "half" });
    expect(await desired()).toBe(3);
    await put({ PolicyName: "tiny", AdjustmentType: "PercentChangeInCapacity", ScalingAdjustment: 10 });
    await execute({ PolicyName: "tiny" });
    expect(await desired()).toBe(4);
    await put({ PolicyName: "exact", AdjustmentType: "ExactCapacity", ScalingAdjustment: 50 });
    await execute({ PolicyName: "exact" });
    expect(await desired()).toBe(10);
    await execute({ PolicyName: PolicyARN });
    expect(await desired()).toBe(10);
  });

  it("executes step policies by the breach of the metric, and honours a simple policy's cooldown when asked", async () => {
    await put({ PolicyName: "steps", PolicyType: "StepScaling", AdjustmentType: "ChangeInCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 3 }] });
    await execute({ PolicyName: "steps", MetricValue: 75, BreachThreshold: 70 });
    expect(await desired()).toBe(5);
    await execute({ PolicyName: "steps", MetricValue: 80, BreachThreshold: 70 });
    expect(await desired()).toBe(8);
    const noMetric = await asg.error("ExecutePolicy", { AutoScalingGroupName: "g", PolicyName: "steps" });
    expect(noMetric.code).toBe("ValidationError");
    await put({ PolicyName: "down", AdjustmentType: "ChangeInCapacity", ScalingAdjustment: -1, Cooldown: 30 });
    const busy = await asg.error("ExecutePolicy", { AutoScalingGroupName: "g", PolicyName: "down", HonorCooldown: true });
    expect(busy.code).toBe("ScalingActivityInProgress");
    t.advance(60_000);
    await execute({ PolicyName: "down", HonorCooldown: true });
    expect(await desired()).toBe(7);
    const again = await asg.error("ExecutePolicy", { AutoScalingGroupName: "g", PolicyName: "down", HonorCooldown: true });
    expect(again.code).toBe("ScalingActivityInProgress");
    t.advance(30_000);
    await execute({ PolicyName: "down", HonorCooldown: true });
    expect(await desired()).toBe(6);
  });

  it("keeps a target tracking policy with the alarms AWS names, and lists and deletes policies", async () => {
    const tt = await put({ PolicyName: "cpu40", PolicyType: "TargetTrackingScaling", TargetTrackingConfiguration: { TargetValue: 40, PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" } } });
    expect(tt.Alarms.map((a: any) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-g-AlarmHigh-[0-9a-f-]{36}$/), expect.stringMatching(/^TargetTracking-g-AlarmLow-[0-9a-f-]{36}$/)]);
    expect(tt.Alarms[0].AlarmARN).toBe(`arn:aws:cloudwatch:us-east-1:000000000000:alarm:${tt.Alarms[0].AlarmName}`);
    await put({ PolicyName: "up", AdjustmentType: "ChangeInCapacity", ScalingAdjustment: 1 });
    const listed = (await asg.call("DescribePolicies", { AutoScalingGroupName: "g", PolicyTypes: ["TargetTrackingScaling"] })).ScalingPolicies;
    expect(listed).toEqual([
      {
        AutoScalingGroupName: "g",
        PolicyName: "cpu40",
        PolicyARN: tt.PolicyARN,
        PolicyType: "TargetTrackingScaling",
        StepAdjustments: [],
        Alarms: tt.Alarms,
        TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" }, TargetValue: 40, DisableScaleIn: false },
        Enabled: true,
      },
    ]);
    expect((await asg.error("ExecutePolicy", { AutoScalingGroupName: "g", PolicyName: "cpu40" })).code).toBe("ValidationError");
    await asg.call("DeletePolicy", { AutoScalingGroupName: "g", PolicyName: "cpu40" });
    expect((await asg.call("DescribePolicies", { AutoScalingGroupName: "g" })).ScalingPolicies.map((p: any) => p.PolicyName)).toEqual(["up"]);
    expect((await asg.call("DescribeAdjustmentTypes")).AdjustmentTypes).toEqual([{ AdjustmentType: "ChangeInCapacity" }, { AdjustmentType: "ExactCapacity" }, { AdjustmentType: "PercentChangeInCapacity" }]);
  });
});

describe("scheduled actions", () => {
  it("runs a one-time action at its start time, then it is gone", async () => {
    await asg.call("PutScheduledUpdateGroupAction", { AutoScalingGroupName: "g", ScheduledActionName: "night", StartTime: "2026-01-01T02:00:00Z", MinSize: 0, DesiredCapacity: 1 });
    const [a] = (await asg.call("DescribeScheduledActions", { AutoScalingGroupName: "g" })).ScheduledUpdateGroupActions;
    expect(a).toEqual({
      AutoScalingGroupName: "g",
      ScheduledActionName: "night",
      ScheduledActionARN: expect.stringMatching(/^arn:aws:autoscaling:us-east-1:000000000000:scheduledUpdateGroupAction:[0-9a-f-]{36}:autoScalingGroupName\/g:scheduledActionName\/night$/),
      Time: Date.parse("2026-01-01T02:00:00Z") / 1000,
      StartTime: Date.parse("2026-01-01T02:00:00Z") / 1000,
      MinSize: 0,
      DesiredCapacity: 1,
    });
    t.advance(2 * 3600_000 - 1);
    expect(await desired()).toBe(4);
    t.advance(1);
    expect(await desired()).toBe(1);
    expect((await asg.call("DescribeScheduledActions", { AutoScalingGroupName: "g" })).ScheduledUpdateGroupActions).toEqual([]);
    const [act] = (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "g" })).Activities;
    expect(act.Cause).toMatch(/^At 2026-01-01T02:00:00Z a scheduled action update of AutoScalingGroup constraints to min: 0, max: 10, desired: 1 changing the desired capacity from 4 to 1\./);
  });

  it("runs a recurring action at each time its cron names in its time zone, until its end time", async () => {
    // 08:00 on weekdays in New York (UTC-5 in January): 13:00Z. 2026-01-01 is a Thursday.
    await asg.call("PutScheduledUpdateGroupAction", { AutoScalingGroupName: "g", ScheduledActionName: "mornings", Recurrence: "0 8 * * MON-FRI", TimeZone: "America/New_York", DesiredCapacity: 6, EndTime: "2026-01-06T00:00:00Z" });
    const [a] = (await asg.call("DescribeScheduledActions", {})).ScheduledUpdateGroupActions;
    expect([a.Recurrence, a.TimeZone, a.StartTime]).toEqual(["0 8 * * MON-FRI", "America/New_York", Date.parse("2026-01-01T13:00:00Z") / 1000]);
    t.advance(13 * 3600_000);
    expect(await desired()).toBe(6);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2 });
    t.advance(24 * 3600_000);
    expect(await desired()).toBe(6);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2 });
    t.advance(48 * 3600_000);
    expect(await desired()).toBe(2);
    t.advance(24 * 3600_000);
    expect(await desired()).toBe(6);
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 2 });
    t.advance(24 * 3600_000);
    expect(await desired()).toBe(2);
  });

  it("puts and deletes actions in batches, refusing the bad ones one by one", async () => {
    const put = await asg.call("BatchPutScheduledUpdateGroupAction", {
      AutoScalingGroupName: "g",
      ScheduledUpdateGroupActions: [
        { ScheduledActionName: "ok", StartTime: "2026-02-01T00:00:00Z", MaxSize: 5 },
        { ScheduledActionName: "past", StartTime: "2025-02-01T00:00:00Z", MaxSize: 5 },
        { ScheduledActionName: "bad-cron", Recurrence: "every day", MaxSize: 5 },
      ],
    });
    expect(put.FailedScheduledUpdateGroupActions).toEqual([
      { ScheduledActionName: "past", ErrorCode: "ValidationError", ErrorMessage: "Given start time is in the past" },
      { ScheduledActionName: "bad-cron", ErrorCode: "ValidationError", ErrorMessage: 'Given recurrence string "every day" is invalid.' },
    ]);
    const del = await asg.call("BatchDeleteScheduledAction", { AutoScalingGroupName: "g", ScheduledActionNames: ["ok", "never"] });
    expect(del.FailedScheduledActions).toEqual([{ ScheduledActionName: "never", ErrorCode: "ValidationError", ErrorMessage: "Scheduled action name not found" }]);
    expect((await asg.error("DeleteScheduledAction", { AutoScalingGroupName: "g", ScheduledActionName: "ok" })).message).toBe("Scheduled action name not found");
    const none = await asg.error("PutScheduledUpdateGroupAction", { AutoScalingGroupName: "nobody", ScheduledActionName: "x", StartTime: "2026-02-01T00:00:00Z", MaxSize: 1 });
    expect(none.message).toBe("AutoScalingGroup name not found - null");
  });
});

describe("tags and descriptions", () => {
  it("creates, overwrites, filters and deletes tags", async () => {
    await asg.call("CreateOrUpdateTags", { Tags: [{ ResourceId: "g", ResourceType: "auto-scaling-group", Key: "team", Value: "a", PropagateAtLaunch: true }, { ResourceId: "g", ResourceType: "auto-scaling-group", Key: "env", Value: "dev" }] });
    await asg.call("CreateOrUpdateTags", { Tags: [{ ResourceId: "g", ResourceType: "auto-scaling-group", Key: "team", Value: "b", PropagateAtLaunch: false }] });
    expect((await asg.call("DescribeTags", { Filters: [{ Name: "auto-scaling-group", Values: ["g"] }, { Name: "key", Values: ["team"] }] })).Tags).toEqual([
      { ResourceId: "g", ResourceType: "auto-scaling-group", Key: "team", Value: "b", PropagateAtLaunch: false },
    ]);
    const missing = await asg.error("CreateOrUpdateTags", { Tags: [{ ResourceId: "nobody", ResourceType: "auto-scaling-group", Key: "k", Value: "v" }] });
    expect([missing.code, missing.message]).toEqual(["ValidationError", "AutoScalingGroup not found - AutoScaling Group nobody not found"]);
    await asg.call("DeleteTags", { Tags: [{ ResourceId: "g", ResourceType: "auto-scaling-group", Key: "team" }] });
    expect((await asg.call("DescribeTags")).Tags.map((x: any) => x.Key)).toEqual(["env"]);
  });

  it("lists processes, termination policies, notification types and limits as AWS does", async () => {
    expect((await asg.call("DescribeScalingProcessTypes")).Processes.map((p: any) => p.ProcessName)).toEqual(["AZRebalance", "AddToLoadBalancer", "AlarmNotification", "HealthCheck", "InstanceRefresh", "Launch", "ReplaceUnhealthy", "ScheduledActions", "Terminate"]);
    expect((await asg.call("DescribeTerminationPolicyTypes")).TerminationPolicyTypes).toEqual(["AllocationStrategy", "ClosestToNextInstanceHour", "Default", "NewestInstance", "OldestInstance", "OldestLaunchConfiguration", "OldestLaunchTemplate"]);
    expect((await asg.call("DescribeAutoScalingNotificationTypes")).AutoScalingNotificationTypes).toEqual(["autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_LAUNCH_ERROR", "autoscaling:EC2_INSTANCE_TERMINATE", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR", "autoscaling:TEST_NOTIFICATION"]);
    expect(await asg.call("DescribeAccountLimits")).toEqual({ MaxNumberOfAutoScalingGroups: 500, MaxNumberOfLaunchConfigurations: 200, NumberOfAutoScalingGroups: 1, NumberOfLaunchConfigurations: 1 });
    const unsupported = await asg.error("PutWarmPool", { AutoScalingGroupName: "g" });
    expect([unsupported.code, unsupported.message]).toEqual(["UnsupportedOperation", "ecs-local does not support the autoscaling action PutWarmPool yet."]);
  });
});
