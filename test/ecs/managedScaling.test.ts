// Managed scaling as ECS runs it: tasks that no instance can take wait PROVISIONING; every minute the
// provider's CapacityProviderReservation is a datapoint; one above the target grows the group (through
// Auto Scaling, with the cause its alarm writes), fifteen below it shrink the group, terminating only
// idle instances (managed termination protection); instances join through the agent and the waiting
// tasks are placed on them; an instance the group terminates is drained first (managed draining).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { activities, group, instances, managedCluster, policy, tasksOf, view, type Setup } from "./capacityFixtures.js";

const T0 = "2026-01-01T00:00:00Z";
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString().replace(".000Z", "Z");
const BASE: Setup = { cluster: "mc", group: "g", provider: "cp" };

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
  // Two tasks fill a t3.medium (2048 CPU units registered).
  await t.ecs("RegisterTaskDefinition", { family: "half", containerDefinitions: [{ name: "app", image: "nginx", cpu: 1024, memory: 1024 }] });
});

const run = async (count: number, family = "half") => (await t.ecs("RunTask", { cluster: "mc", taskDefinition: family, count })).tasks!;
const minutes = (n: number) => t.advance(n * 60_000);
const shape = (tasks: { lastStatus?: string; capacityProviderName?: string; containerInstanceArn?: string; availabilityZone?: string }[]) =>
  tasks.map((x) => [x.lastStatus, x.capacityProviderName, x.containerInstanceArn === undefined ? "-" : "placed", x.availabilityZone === undefined ? "-" : "zone"]);

describe("scale-out", () => {
  it("keeps tasks that do not fit PROVISIONING, grows the group after one datapoint above the target, and runs them on the new instances", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, managedScaling: { instanceWarmupPeriod: 0 } });
    const tasks = await run(6);
    expect(shape(tasks)).toEqual([
      ["PENDING", "cp", "placed", "zone"],
      ["PENDING", "cp", "placed", "zone"],
      ...Array(4).fill(["PROVISIONING", "cp", "-", "-"]),
    ]);
    const [before] = await view(t);
    expect(before.waitingTasks.map((w: any) => w.taskArn)).toEqual(tasks.slice(2).map((x) => x.taskArn));
    expect(before.lastDatapoint).toBeNull();

    t.advance(59_999);
    expect((await group(asg, "g")).DesiredCapacity).toBe(1);
    t.advance(1);
    const g = await group(asg, "g");
    expect(g.DesiredCapacity).toBe(3);
    const p = await policy(asg, "g");
    expect(p.name).toMatch(/^ECSManagedAutoScalingPolicy-[0-9a-f-]{36}$/);
    expect(p.high).toMatch(/^TargetTracking-g-AlarmHigh-[0-9a-f-]{36}$/);
    const cause = `At ${at(1)} a monitor alarm ${p.high} in state ALARM triggered policy ${p.name} changing the desired capacity from 1 to 3.  At ${at(1)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 3.`;
    expect((await activities(asg, "g")).slice(0, 2).map(([, c]) => c)).toEqual([cause, cause]);

    const after = await tasksOf(t, "mc", tasks.map((x) => x.taskArn!));
    expect(after.map((x) => x.lastStatus)).toEqual(Array(6).fill("RUNNING"));
    expect(after.every((x) => /^us-east-1[ab]$/.test(x.availabilityZone!))).toBe(true);
    const perInstance = new Map<string, number>();
    for (const x of after) perInstance.set(x.containerInstanceArn!, (perInstance.get(x.containerInstanceArn!) ?? 0) + 1);
    expect([...perInstance.values()]).toEqual([2, 2, 2]);
    const cis = (await t.ecs("DescribeContainerInstances", { cluster: "mc", containerInstances: [...perInstance.keys()] })).containerInstances!;
    expect(cis.map((c) => c.capacityProviderName)).toEqual(["cp", "cp", "cp"]);
    expect(cis.map((c) => c.ec2InstanceId).sort()).toEqual(g.Instances.map((i: any) => i.InstanceId).sort());

    const [seen] = await view(t);
    expect(seen.lastDatapoint).toEqual({ at: "2026-01-01T00:01:00.000Z", reservation: 300, running: 1, needed: 3, waiting: 4, desiredCapacity: 3, action: "set the desired capacity from 1 to 3" });
    expect(seen.waitingTasks).toEqual([]);
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 100, running: 3, needed: 3, waiting: 0, action: "at the target" });
  });

  it("scales out from zero instances to two, as ECS does at target 100", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, min: 0, max: 4, desired: 0 });
    const [task] = await run(1);
    expect(shape([task])).toEqual([["PROVISIONING", "cp", "-", "-"]]);
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 200, running: 0, needed: 1, desiredCapacity: 2 });
    expect(await instances(asg, "g")).toEqual([
      ["InService", true],
      ["InService", true],
    ]);
    expect((await tasksOf(t, "mc", [task.taskArn!]))[0].lastStatus).toBe("RUNNING");
  });

  it("waits for instances in their warm-up period, keeps to the maximum step and stops at the group's maximum", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, max: 3, managedScaling: { instanceWarmupPeriod: 120, maximumScalingStepSize: 1 } });
    const tasks = await run(8);
    const actions: string[] = [];
    for (let i = 0; i < 6; i++) {
      minutes(1);
      actions.push((await view(t))[0].lastDatapoint.action);
    }
    expect(actions).toEqual([
      "scale-out waits for instances in their warm-up period",
      "set the desired capacity from 1 to 2",
      "scale-out waits for instances in their warm-up period",
      "set the desired capacity from 2 to 3",
      "scale-out waits for instances in their warm-up period",
      "the group is at its maximum size",
    ]);
    const states = (await tasksOf(t, "mc", tasks.map((x) => x.taskArn!))).map((x) => x.lastStatus);
    expect(states).toEqual([...Array(6).fill("RUNNING"), "PROVISIONING", "PROVISIONING"]);
  });

  it("launches at least the minimum step", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, managedScaling: { instanceWarmupPeriod: 0, minimumScalingStepSize: 2 } });
    await run(3);
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 200, running: 1, needed: 2, action: "set the desired capacity from 1 to 3" });
  });
});

describe("scale-in", () => {
  it("shrinks the group after 15 datapoints below the target, at most half of it a minute, terminating only idle instances", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, managedScaling: { instanceWarmupPeriod: 0 } });
    const tasks = await run(6);
    minutes(1);
    expect(await instances(asg, "g")).toEqual([
      ["InService", true],
      ["InService", true],
      ["InService", true],
    ]);
    // The first instance keeps its two tasks; the others' stop.
    const placed = await tasksOf(t, "mc", tasks.map((x) => x.taskArn!));
    const keep = placed[0].containerInstanceArn!;
    for (const x of placed) if (x.containerInstanceArn !== keep) await t.ecs("StopTask", { cluster: "mc", task: x.taskArn! });
    const busyId = (await t.ecs("DescribeContainerInstances", { cluster: "mc", containerInstances: [keep] })).containerInstances![0].ec2InstanceId!;

    minutes(14);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ running: 3, needed: 1, action: "14 of 15 datapoints below the target" });
    expect((await group(asg, "g")).DesiredCapacity).toBe(3);
    minutes(1);
    const p = await policy(asg, "g");
    const [[description, cause]] = await activities(asg, "g");
    const gone = description.slice("Terminating EC2 instance: ".length);
    expect(cause).toBe(
      `At ${at(16)} a monitor alarm ${p.low} in state ALARM triggered policy ${p.name} changing the desired capacity from 3 to 2.  At ${at(16)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 3 to 2.  At ${at(16)} instance ${gone} was selected for termination.`,
    );
    expect(gone).not.toBe(busyId);
    minutes(1);
    const g = await group(asg, "g");
    expect(g.DesiredCapacity).toBe(1);
    expect(g.Instances.map((i: any) => [i.InstanceId, i.LifecycleState, i.ProtectedFromScaleIn])).toEqual([[busyId, "InService", true]]);
    expect((await tasksOf(t, "mc", [placed[0].taskArn!]))[0].lastStatus).toBe("RUNNING");
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 100, running: 1, needed: 1, action: "at the target" });
  });

  it("starts the count again when a datapoint is not below the target", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, min: 0, desired: 2, managedScaling: { instanceWarmupPeriod: 0 } });
    minutes(10);
    expect((await view(t))[0].lastDatapoint.action).toBe("10 of 15 datapoints below the target");
    const tasks = await run(4);
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 100, action: "at the target" });
    for (const x of tasks) await t.ecs("StopTask", { cluster: "mc", task: x.taskArn! });
    minutes(14);
    expect((await group(asg, "g")).DesiredCapacity).toBe(2);
    minutes(1);
    expect((await group(asg, "g")).DesiredCapacity).toBe(1);
  });
});

describe("tasks that wait", () => {
  it("stops a task that no instance type of the group can hold after 30 minutes, in ECS's words", async () => {
    await t.ecs("RegisterTaskDefinition", { family: "big", containerDefinitions: [{ name: "app", image: "nginx", cpu: 256, memory: 8192 }] });
    await managedCluster(t, asg, ec2, BASE);
    const [task] = await run(1, "big");
    expect(shape([task])).toEqual([["PROVISIONING", "cp", "-", "-"]]);
    minutes(29);
    // Left out of the metric, as ECS leaves incompatible tasks out: nothing is launched for it.
    expect((await view(t))[0].lastDatapoint).toMatchObject({ running: 1, needed: 0, waiting: 1 });
    expect((await group(asg, "g")).DesiredCapacity).toBe(1);
    minutes(1);
    const [stopped] = await tasksOf(t, "mc", [task.taskArn!]);
    expect([stopped.lastStatus, stopped.stopCode, stopped.stoppedReason, stopped.containerInstanceArn]).toEqual(["STOPPED", "TaskFailedToStart", "RESOURCE:MEMORY", undefined]);
    expect((await view(t))[0].waitingTasks).toEqual([]);
  });

  it("answers EMPTY CAPACITY PROVIDER for a task whose provider never had an instance", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, min: 0, max: 0, desired: 0 });
    const [task] = await run(1);
    minutes(1);
    expect((await view(t))[0].lastDatapoint).toMatchObject({ reservation: 200, action: "the group is at its maximum size" });
    minutes(29);
    const [stopped] = await tasksOf(t, "mc", [task.taskArn!]);
    expect([stopped.lastStatus, stopped.stopCode, stopped.stoppedReason]).toEqual(["STOPPED", "TaskFailedToStart", "EMPTY CAPACITY PROVIDER"]);
  });

  it("forgets a waiting task that is stopped, and counts service tasks that wait as pending", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, min: 0, desired: 0 });
    const [task] = await run(1);
    await t.ecs("StopTask", { cluster: "mc", task: task.taskArn! });
    expect((await view(t))[0].waitingTasks).toEqual([]);
    await t.ecs("CreateService", { cluster: "mc", serviceName: "web", taskDefinition: "half", desiredCount: 3 });
    const s = (await t.ecs("DescribeServices", { cluster: "mc", services: ["web"] })).services![0];
    expect([s.runningCount, s.pendingCount, s.capacityProviderStrategy]).toEqual([0, 3, [{ capacityProvider: "cp", weight: 1, base: 0 }]]);
    minutes(1);
    const after = (await t.ecs("DescribeServices", { cluster: "mc", services: ["web"] })).services![0];
    expect([after.runningCount, after.pendingCount]).toEqual([3, 0]);
    expect((await group(asg, "g")).DesiredCapacity).toBe(2);
    expect(after.events![0].message).toBe("(service web) has reached a steady state.");
  });
});

describe("managed draining", () => {
  it("drains an instance the group terminates: its service task moves, the hook holds it until its last task stops", async () => {
    await managedCluster(t, asg, ec2, { ...BASE, min: 2, max: 2, protect: false, managedScaling: { status: "DISABLED" } });
    await t.ecs("CreateService", { cluster: "mc", serviceName: "web", taskDefinition: "half", desiredCount: 2 });
    const [standalone] = await run(1);
    const victim = standalone.containerInstanceArn!;
    const victimId = (await t.ecs("DescribeContainerInstances", { cluster: "mc", containerInstances: [victim] })).containerInstances![0].ec2InstanceId!;
    await asg.call("TerminateInstanceInAutoScalingGroup", { InstanceId: victimId, ShouldDecrementDesiredCapacity: false });

    const held = (await group(asg, "g")).Instances.find((i: any) => i.InstanceId === victimId);
    expect(held.LifecycleState).toBe("Terminating:Wait");
    const ci = (await t.ecs("DescribeContainerInstances", { cluster: "mc", containerInstances: [victim] })).containerInstances![0];
    expect([ci.status, ci.runningTasksCount]).toEqual(["DRAINING", 1]);
    const web = await t.ecs("ListTasks", { cluster: "mc", serviceName: "web" });
    const placed = await tasksOf(t, "mc", web.taskArns!);
    expect(placed.every((x) => x.containerInstanceArn !== victim && x.lastStatus === "RUNNING")).toBe(true);

    await t.ecs("StopTask", { cluster: "mc", task: standalone.taskArn! });
    const g = await group(asg, "g");
    expect(g.Instances.map((i: any) => i.InstanceId)).not.toContain(victimId);
    expect(g.Instances.map((i: any) => i.LifecycleState)).toEqual(["InService", "InService"]);
    expect((await t.ecs("DescribeContainerInstances", { cluster: "mc", containerInstances: [victim] })).containerInstances![0].status).toBe("INACTIVE");
  });
});
