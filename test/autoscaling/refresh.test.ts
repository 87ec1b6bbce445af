// Instance refresh: instances replaced a batch at a time within MinHealthyPercentage, each batch
// after the last one's replacements warmed up, with AWS's causes; one refresh at a time; cancel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

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
  for (const name of ["old", "new"]) await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: name, ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" });
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "g", LaunchConfigurationName: "old", MinSize: 0, MaxSize: 8, DesiredCapacity: 4, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` });
  await asg.call("UpdateAutoScalingGroup", { AutoScalingGroupName: "g", LaunchConfigurationName: "new" });
});

const configs = async () => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["g"] })).AutoScalingGroups[0].Instances.map((i: any) => `${i.LaunchConfigurationName}:${i.LifecycleState}`).sort();
const refresh = async () => (await asg.call("DescribeInstanceRefreshes", { AutoScalingGroupName: "g" })).InstanceRefreshes[0];

describe("instance refresh", () => {
  it("replaces two of four at a time (MinHealthyPercentage 50), each batch after the last warmed up", async () => {
    const { InstanceRefreshId } = await asg.call("StartInstanceRefresh", { AutoScalingGroupName: "g", Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 60 } });
    expect(InstanceRefreshId).toMatch(/^[0-9a-f-]{36}$/);
    const busy = await asg.error("StartInstanceRefresh", { AutoScalingGroupName: "g" });
    expect([busy.code, busy.message]).toEqual(["InstanceRefreshInProgress", "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh."]);
    expect(await configs()).toEqual(["new:InService", "new:InService", "old:InService", "old:InService"]);
    let r = await refresh();
    expect([r.InstanceRefreshId, r.Status, r.PercentageComplete, r.InstancesToUpdate, r.StartTime, r.Strategy]).toEqual([InstanceRefreshId, "InProgress", 0, 2, Date.parse(T0) / 1000, "Rolling"]);
    expect(r.Preferences).toEqual({ MinHealthyPercentage: 50, InstanceWarmup: 60, SkipMatching: false, AutoRollback: false, ScaleInProtectedInstances: "Wait", StandbyInstances: "Wait" });
    t.advance(60_000);
    expect(await configs()).toEqual(["new:InService", "new:InService", "new:InService", "new:InService"]);
    expect((await refresh()).Status).toBe("InProgress");
    t.advance(60_000);
    r = await refresh();
    expect([r.Status, r.PercentageComplete, r.InstancesToUpdate, r.EndTime]).toEqual(["Successful", 100, 0, Date.parse("2026-01-01T00:02:00Z") / 1000]);
    const acts = (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: "g" })).Activities;
    const terminate = acts.find((a: any) => a.Description.startsWith("Terminating"));
    expect(terminate.Cause).toMatch(/^At 2026-01-01T00:01:00Z an instance was taken out of service in response to an instance refresh\.  At 2026-01-01T00:01:00Z instance i-[0-9a-f]{17} was selected for termination\.$/);
    expect(acts[0].Cause).toBe("At 2026-01-01T00:01:00Z an instance was launched in response to an instance refresh.");
  });

  it("skips matching instances, and is cancelled on request", async () => {
    await asg.call("StartInstanceRefresh", { AutoScalingGroupName: "g", Preferences: { MinHealthyPercentage: 75, InstanceWarmup: 300, SkipMatching: true } });
    expect((await refresh()).InstancesToUpdate).toBe(3); // 4, less the first one on its way
    const { InstanceRefreshId } = await asg.call("CancelInstanceRefresh", { AutoScalingGroupName: "g" });
    const r = await refresh();
    expect([r.InstanceRefreshId, r.Status, r.StatusReason]).toEqual([InstanceRefreshId, "Cancelled", "Instance refresh was cancelled by a user."]);
    // The first of the four was replaced at the refresh's first step, before the cancel.
    expect(await configs()).toEqual(["new:InService", "old:InService", "old:InService", "old:InService"]);
    const none = await asg.error("CancelInstanceRefresh", { AutoScalingGroupName: "g" });
    expect([none.code, none.message]).toEqual(["ActiveInstanceRefreshNotFound", "No in progress or pending Instance Refresh found for Auto Scaling group g"]);
  });
});
