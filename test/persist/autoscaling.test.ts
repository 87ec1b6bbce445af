// --state-dir and Auto Scaling: groups, launch configurations, hooks, policies and scheduled actions
// come back after a restart with the same instances; a scheduled action that fell due while the
// server was down runs at the restart, an instance held by a launch hook is still held, and a hook's
// heartbeat started before the restart times out after it (30 s: the shortest AWS allows).
import {
  AutoScalingClient,
  CompleteLifecycleActionCommand,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  DescribeAutoScalingGroupsCommand,
  DescribePoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledUpdateGroupActionCommand,
} from "@aws-sdk/client-auto-scaling";
import { describe, expect, it, vi } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir);
  return s;
}

const client = (s: EcsLocalServer) => new AutoScalingClient({ endpoint: s.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
// The server's clock is the wall clock with a state directory: only Date is faked, so time moves when
// the test says (the downtime, a hook's timeout) and the servers' own timers stay real.
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);

describe("--state-dir: Auto Scaling", () => {
  it("keeps groups and their instances, runs a scheduled action that fell due while down, keeps a held launch and times a hook out", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    let asg = client(a);
    await asg.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" }));
    await asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: "web", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` }));
    await asg.send(new PutScalingPolicyCommand({ AutoScalingGroupName: "web", PolicyName: "up", AdjustmentType: "ChangeInCapacity", ScalingAdjustment: 1 }));
    await asg.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: "held",
      LaunchConfigurationName: "lc",
      MinSize: 0,
      MaxSize: 1,
      DesiredCapacity: 1,
      AvailabilityZones: ["us-east-1a"],
      LifecycleHookSpecificationList: [{ LifecycleHookName: "boot", LifecycleTransition: "autoscaling:EC2_INSTANCE_LAUNCHING", HeartbeatTimeout: 3600 }],
    }));
    // Its hook times out (30 s, the shortest heartbeat) after the restart: CONTINUE puts the instance in service.
    await asg.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: "timed",
      LaunchConfigurationName: "lc",
      MinSize: 0,
      MaxSize: 1,
      DesiredCapacity: 1,
      AvailabilityZones: ["us-east-1b"],
      LifecycleHookSpecificationList: [{ LifecycleHookName: "boot", LifecycleTransition: "autoscaling:EC2_INSTANCE_LAUNCHING", HeartbeatTimeout: 30, DefaultResult: "CONTINUE" }],
    }));
    // The instance launches (and its hook's heartbeat starts) right after the answer.
    const timedOutAt = T0 + 30_000;
    const describe = async () => (await asg.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups!;
    const before = await describe();
    const webBefore = before.find((g) => g.AutoScalingGroupName === "web")!.Instances!.map((i) => i.InstanceId);
    expect(webBefore).toHaveLength(2);
    // Due a few seconds from now, when the server will be down.
    const at = new Date(T0 + 4000);
    await asg.send(new PutScheduledUpdateGroupActionCommand({ AutoScalingGroupName: "web", ScheduledActionName: "grow", StartTime: at, DesiredCapacity: 3 }));
    await a.stop();

    vi.setSystemTime(at.getTime() + 300);
    const b = await start(dir);
    asg = client(b);
    const after = await describe();
    const web = after.find((g) => g.AutoScalingGroupName === "web")!;
    expect(web.DesiredCapacity).toBe(3);
    expect(web.Instances!.map((i) => i.InstanceId).slice(0, 2)).toEqual(webBefore);
    expect(web.Instances!.map((i) => i.LifecycleState)).toEqual(["InService", "InService", "InService"]);
    expect((await asg.send(new DescribeScheduledActionsCommand({ AutoScalingGroupName: "web" }))).ScheduledUpdateGroupActions).toEqual([]);
    expect((await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: "web" }))).ScalingPolicies!.map((p) => p.PolicyName)).toEqual(["up"]);
    const held = after.find((g) => g.AutoScalingGroupName === "held")!;
    expect(held.Instances!.map((i) => i.LifecycleState)).toEqual(["Pending:Wait"]);
    await asg.send(new CompleteLifecycleActionCommand({ AutoScalingGroupName: "held", LifecycleHookName: "boot", LifecycleActionResult: "CONTINUE", InstanceId: held.Instances![0].InstanceId }));
    expect((await describe()).find((g) => g.AutoScalingGroupName === "held")!.Instances!.map((i) => i.LifecycleState)).toEqual(["InService"]);
    const timed = () => describe().then((gs) => gs.find((g) => g.AutoScalingGroupName === "timed")!.Instances!.map((i) => i.LifecycleState));
    expect(await timed()).toEqual(["Pending:Wait"]);
    vi.setSystemTime(timedOutAt + 2000);
    expect(await timed()).toEqual(["InService"]);
  }, 60_000);
});
