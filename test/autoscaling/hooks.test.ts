// Lifecycle hooks hold launches in Pending:Wait and terminations in Terminating:Wait until
// CompleteLifecycleAction, a heartbeat's end (DefaultResult) or the global timeout.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A } from "../helpers/fixtures.js";

const T0 = "2026-01-01T00:00:00Z";
const LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";
const TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";

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
});

const group = async () => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["g"] })).AutoScalingGroups[0];
const states = async () => (await group()).Instances.map((i: any) => i.LifecycleState);
const activities = async () => (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "g" })).Activities;
const create = (desired: number, hooks: Record<string, unknown>[] = []) =>
  asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "g", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 3, DesiredCapacity: desired, VPCZoneIdentifier: SUBNET_A, LifecycleHookSpecificationList: hooks });

describe("hooks", () => {
  it("are kept with AWS's defaults and described, changed and deleted", async () => {
    await create(0);
    await asg.call("PutLifecycleHook", { AutoScalingGroupName: "g", LifecycleHookName: "drain", LifecycleTransition: TERMINATING, HeartbeatTimeout: 60, DefaultResult: "CONTINUE" });
    await asg.call("PutLifecycleHook", { AutoScalingGroupName: "g", LifecycleHookName: "boot", LifecycleTransition: LAUNCHING });
    expect((await asg.call("DescribeLifecycleHooks", { AutoScalingGroupName: "g" })).LifecycleHooks).toEqual([
      { LifecycleHookName: "drain", AutoScalingGroupName: "g", LifecycleTransition: TERMINATING, HeartbeatTimeout: 60, GlobalTimeout: 6000, DefaultResult: "CONTINUE" },
      { LifecycleHookName: "boot", AutoScalingGroupName: "g", LifecycleTransition: LAUNCHING, HeartbeatTimeout: 3600, GlobalTimeout: 172800, DefaultResult: "ABANDON" },
    ]);
    await asg.call("PutLifecycleHook", { AutoScalingGroupName: "g", LifecycleHookName: "boot", HeartbeatTimeout: 30 });
    expect((await asg.call("DescribeLifecycleHooks", { AutoScalingGroupName: "g", LifecycleHookNames: ["boot"] })).LifecycleHooks).toEqual([
      { LifecycleHookName: "boot", AutoScalingGroupName: "g", LifecycleTransition: LAUNCHING, HeartbeatTimeout: 30, GlobalTimeout: 3000, DefaultResult: "ABANDON" },
    ]);
    await asg.call("DeleteLifecycleHook", { AutoScalingGroupName: "g", LifecycleHookName: "drain" });
    expect((await asg.call("DescribeLifecycleHooks", { AutoScalingGroupName: "g" })).LifecycleHooks.map((h: any) => h.LifecycleHookName)).toEqual(["boot"]);
    expect((await asg.call("DescribeLifecycleHookTypes")).LifecycleHookTypes).toEqual([LAUNCHING, TERMINATING]);
    expect((await asg.error("PutLifecycleHook", { AutoScalingGroupName: "g", LifecycleHookName: "x", LifecycleTransition: LAUNCHING, HeartbeatTimeout: 10 })).code).toBe("ValidationError");
  });
});

describe("a launch hook", () => {
  it("holds the instance in Pending:Wait until CONTINUE, then it goes InService", async () => {
    await create(1, [{ LifecycleHookName: "boot", LifecycleTransition: LAUNCHING, HeartbeatTimeout: 300 }]);
    expect(await states()).toEqual(["Pending:Wait"]);
    const [launch] = await activities();
    expect([launch.StatusCode, launch.Progress]).toEqual(["MidLifecycleAction", 50]);
    const id = (await group()).Instances[0].InstanceId;
    const missing = await asg.error("CompleteLifecycleAction", { AutoScalingGroupName: "g", LifecycleHookName: "other", LifecycleActionResult: "CONTINUE", InstanceId: id });
    expect(missing.message).toBe(`No active Lifecycle Action found with instance ID ${id}`);
    await asg.call("CompleteLifecycleAction", { AutoScalingGroupName: "g", LifecycleHookName: "boot", LifecycleActionResult: "CONTINUE", InstanceId: id });
    expect(await states()).toEqual(["InService"]);
    expect((await activities())[0].StatusCode).toBe("Successful");
    const again = await asg.error("CompleteLifecycleAction", { AutoScalingGroupName: "g", LifecycleHookName: "boot", LifecycleActionResult: "CONTINUE", LifecycleActionToken: "0a1b2c3d-0000-4000-8000-000000000000" });
    expect(again.message).toBe("No active Lifecycle Action found with token 0a1b2c3d-0000-4000-8000-000000000000");
  });

  it("applies its DefaultResult when the heartbeat runs out: ABANDON cancels the launch and another is launched", async () => {
    await create(1, [{ LifecycleHookName: "boot", LifecycleTransition: LAUNCHING, HeartbeatTimeout: 60 }]);
    const first = (await group()).Instances[0].InstanceId;
    t.advance(30_000);
    await asg.call("RecordLifecycleActionHeartbeat", { AutoScalingGroupName: "g", LifecycleHookName: "boot", InstanceId: first });
    t.advance(59_999);
    expect(await states()).toEqual(["Pending:Wait"]);
    t.advance(1);
    const g = await group();
    expect(g.Instances.map((i: any) => [i.InstanceId === first, i.LifecycleState])).toEqual([[false, "Pending:Wait"]]);
    const cancelled = (await activities()).find((a: any) => a.Description.startsWith(`Launching a new EC2 instance: ${first}`));
    expect(cancelled.StatusCode).toBe("Cancelled");
    expect(cancelled.StatusMessage).toMatch(/^Instance failed to complete user's Lifecycle Action: Lifecycle Action with token [0-9a-f-]{36} was abandoned: Lifecycle Action Completed with ABANDON Result$/);
    expect(cancelled.Description).toBe(`Launching a new EC2 instance: ${first}.  Status Reason: ${cancelled.StatusMessage}`);
  });
});

describe("a termination hook", () => {
  it("holds a terminating instance in Terminating:Wait until CONTINUE, then EC2 terminates it", async () => {
    await create(1, [{ LifecycleHookName: "drain", LifecycleTransition: TERMINATING, HeartbeatTimeout: 120, DefaultResult: "CONTINUE" }]);
    const id = (await group()).Instances[0].InstanceId;
    await asg.call("SetDesiredCapacity", { AutoScalingGroupName: "g", DesiredCapacity: 0 });
    expect(await states()).toEqual(["Terminating:Wait"]);
    const ec2 = queryCaller(t, "ec2");
    const ec2State = async () => (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0].State.Name;
    expect(await ec2State()).toBe("running");
    const refused = await asg.error("DeleteAutoScalingGroup", { AutoScalingGroupName: "g" });
    expect([refused.code, refused.message]).toEqual(["ScalingActivityInProgress", "You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group."]);
    t.advance(120_000);
    expect(await states()).toEqual([]);
    expect(await ec2State()).toBe("terminated");
    expect((await activities())[0].StatusCode).toBe("Successful");
  });
});
