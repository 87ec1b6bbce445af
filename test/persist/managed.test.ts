// --state-dir and ECS managed scaling: a capacity provider's policy, its evaluations and the tasks that
// wait for capacity come back after a restart; the minutes the server was down run as they fell due
// (the wall clock is moved here instead of waited for), so the scale-out that fell due while it was
// down has happened at the restart, and the scale-in fifteen datapoints later at the next one.
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from "@aws-sdk/client-auto-scaling";
import { CreateLaunchTemplateCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  DescribeTasksCommand,
  ECSClient,
  PutClusterCapacityProvidersCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startServer, type EcsLocalServer } from "../../src/index.js";
import { SUBNET_A } from "../helpers/fixtures.js";
import { tempDir } from "../helpers/tempDir.js";
import { userData } from "../ecs/capacityFixtures.js";

const running: EcsLocalServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  vi.useRealTimers();
});

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await startServer({ logLevel: "silent", validateOutput: true, stateDir });
  running.push(s);
  return s;
}

async function stop(s: EcsLocalServer): Promise<void> {
  running.splice(running.indexOf(s), 1);
  await s.stop();
}

function clients(s: EcsLocalServer) {
  const c = { endpoint: s.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return { ecs: new ECSClient(c), asg: new AutoScalingClient(c), ec2: new EC2Client(c) };
}

const T0 = Date.UTC(2026, 0, 1);

describe("--state-dir: ECS managed scaling", () => {
  it("keeps the provider's policy and waiting tasks, and runs the scale-out and scale-in that fell due while the server was down", async () => {
    // Only Date is faked: the server's clock reads the wall clock, which the test moves across the downtime.
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    let { ecs, asg, ec2 } = clients(a);
    await ecs.send(new CreateClusterCommand({ clusterName: "mc" }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "tpl", LaunchTemplateData: { ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium", UserData: userData("mc") } }));
    await asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: "g", LaunchTemplate: { LaunchTemplateName: "tpl" }, MinSize: 1, MaxSize: 4, VPCZoneIdentifier: SUBNET_A, NewInstancesProtectedFromScaleIn: true }));
    await ecs.send(new CreateCapacityProviderCommand({ name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: "g", managedScaling: { status: "ENABLED", targetCapacity: 100, instanceWarmupPeriod: 0 }, managedTerminationProtection: "ENABLED" } }));
    await ecs.send(new PutClusterCapacityProvidersCommand({ cluster: "mc", capacityProviders: ["cp"], defaultCapacityProviderStrategy: [{ capacityProvider: "cp", weight: 1 }] }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: "half", containerDefinitions: [{ name: "app", image: "nginx", cpu: 1024, memory: 1024 }] }));
    const arns = (await ecs.send(new RunTaskCommand({ cluster: "mc", taskDefinition: "half", count: 6 }))).tasks!.map((x) => x.taskArn!);
    const policyBefore = (await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: "g" }))).ScalingPolicies![0].PolicyName;
    const waiting = (await (await fetch(`${a.endpoint}/_ecs-local/capacity-providers`)).json()).capacityProviders[0].waitingTasks.map((w: any) => w.taskArn);
    expect(waiting).toEqual(arns.slice(2));
    await stop(a);

    // Down for 90 s: the first datapoint (at 60 s) falls due during the downtime.
    vi.setSystemTime(T0 + 90_000);
    const b = await start(dir);
    ({ ecs, asg } = clients(b));
    const g = (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ["g"] }))).AutoScalingGroups![0];
    expect([g.DesiredCapacity, g.Instances!.map((i) => i.LifecycleState)]).toEqual([3, ["InService", "InService", "InService"]]);
    expect((await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: "g" }))).ScalingPolicies![0].PolicyName).toBe(policyBefore);
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: "mc", tasks: arns }))).tasks!;
    expect(tasks.map((x) => x.lastStatus)).toEqual(Array(6).fill("RUNNING"));
    const seen = (await (await fetch(`${b.endpoint}/_ecs-local/capacity-providers`)).json()).capacityProviders[0];
    expect(seen.lastDatapoint).toMatchObject({ at: "2026-01-01T00:01:00.000Z", reservation: 300, action: "set the desired capacity from 1 to 3" });
    for (const arn of arns) await ecs.send(new StopTaskCommand({ cluster: "mc", task: arn }));
    await stop(b);

    // Down for another 20 minutes: fifteen datapoints below the target, then the scale-in, one step a minute.
    vi.setSystemTime(T0 + 21 * 60_000);
    const c = await start(dir);
    ({ asg } = clients(c));
    const after = (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ["g"] }))).AutoScalingGroups![0];
    expect([after.DesiredCapacity, after.Instances!.length]).toEqual([1, 1]);
  }, 60_000);
});
