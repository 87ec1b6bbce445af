// Managed Daemons on a clock where tasks stay PENDING a minute: a daemon task starts before any
// application task of its instance; daemon tasks of a new revision that fail to start trip the
// deployment's circuit breaker, which rolls it back; a newer deployment stops an older one; a daemon
// task definition being deleted waits for the daemons that run it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ECSClient, waitUntilDaemonDeploymentStopped, waitUntilDaemonDeploymentSuccessful } from "@aws-sdk/client-ecs";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { AWSVPC, managedInstancesCluster, miTaskDefinition } from "./managedInstancesFixtures.js";

const CP = "arn:aws:ecs:us-east-1:000000000000:capacity-provider/mip";
const MINUTE = 60_000;
let t: TestLocal;
let iam: QueryCaller;
let ec2: QueryCaller;
let sdk: ECSClient;
beforeAll(async () => {
  t = await startLocal({ timings: { pendingMs: MINUTE } });
  iam = queryCaller(t, "iam");
  ec2 = queryCaller(t, "ec2");
  sdk = new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await managedInstancesCluster(t, iam, { cluster: "mi", provider: "mip", scaleInAfter: -1 });
  await miTaskDefinition(t);
});

const waiter = () => ({ client: sdk, maxWaitTime: 5, minDelay: 1, maxDelay: 1 });
const register = async (image: string) => (await t.ecs("RegisterDaemonTaskDefinition", { family: "agent", containerDefinitions: [{ name: "agent", image, cpu: 128, memory: 256 }] })).daemonTaskDefinitionArn!;
const tasksOf = async (filter: { daemonName?: string; serviceName?: string }) => {
  const arns = (await t.ecs("ListTasks", { cluster: "mi", ...filter })).taskArns!;
  return arns.length ? (await t.ecs("DescribeTasks", { cluster: "mi", tasks: arns })).tasks! : [];
};
const deployment = async (arn: string) => (await t.ecs("DescribeDaemonDeployments", { daemonDeploymentArns: [arn] })).daemonDeployments![0];
const running = async () => (await ec2.call("DescribeInstances", {})).Reservations.flatMap((r: any) => r.Instances).filter((i: any) => i.State.Name === "running").length;

/** A daemon with one service task on one instance, both RUNNING. */
async function steady(): Promise<string> {
  const { daemonArn } = await t.ecs("CreateDaemon", { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: await register("agent:1"), capacityProviderArns: [CP] });
  await t.ecs("CreateService", { cluster: "mi", serviceName: "web", taskDefinition: "web", desiredCount: 1, networkConfiguration: AWSVPC });
  t.advance(2 * MINUTE);
  return daemonArn!;
}

it("starts a new instance's daemon task before its application tasks", async () => {
  await t.ecs("CreateDaemon", { daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: await register("agent:1"), capacityProviderArns: [CP] });
  await t.ecs("CreateService", { cluster: "mi", serviceName: "web", taskDefinition: "web", desiredCount: 1, networkConfiguration: AWSVPC });
  t.advance(0);
  const [daemonTask] = await tasksOf({ daemonName: "agent" });
  let [web] = await tasksOf({ serviceName: "web" });
  expect([daemonTask.lastStatus, web.lastStatus, web.containerInstanceArn]).toEqual(["PENDING", "PROVISIONING", undefined]);
  t.advance(MINUTE);
  [web] = await tasksOf({ serviceName: "web" });
  expect([web.lastStatus, web.containerInstanceArn]).toEqual(["PENDING", daemonTask.containerInstanceArn]);
  t.advance(MINUTE);
  const [daemonNow] = await tasksOf({ daemonName: "agent" });
  [web] = await tasksOf({ serviceName: "web" });
  expect(web.lastStatus).toBe("RUNNING");
  expect(web.startedAt! - daemonNow.startedAt!).toBe(60);
});

describe("deployments", () => {
  it("rolls back a revision whose daemon tasks fail to start, once its circuit breaker trips", async () => {
    const daemonArn = await steady();
    const good = (await t.ecs("DescribeDaemon", { daemonArn })).daemon!.currentRevisions![0].arn!;
    const { deploymentArn } = await t.ecs("UpdateDaemon", { daemonArn, daemonTaskDefinitionArn: await register("agent:broken"), capacityProviderArns: [CP] });
    t.advance(0);
    for (let i = 0; i < 10; i++) {
      // The agent cannot pull the new image: the task stops before it ever runs.
      const pending = (await tasksOf({ daemonName: "agent" })).find((x) => x.lastStatus === "PENDING" && x.containers![0].image === "agent:broken")!;
      await t.ecs("SubmitTaskStateChange", { cluster: "mi", task: pending.taskArn!, status: "STOPPED", reason: "CannotPullContainerError: pull access denied for agent" });
      t.advance(0);
      if (i < 9) expect((await deployment(deploymentArn!)).circuitBreaker).toEqual({ failureCount: i + 1, status: "MONITORING", threshold: 10 });
    }
    let dep = await deployment(deploymentArn!);
    expect([dep.status, dep.circuitBreaker, dep.rollback!.rollbackTargetDaemonRevisionArn, dep.rollback!.rollbackCapacityProviders]).toEqual(["ROLLBACK_IN_PROGRESS", { failureCount: 10, status: "TRIGGERED", threshold: 10 }, good, [CP]]);
    t.advance(3 * MINUTE);
    dep = await deployment(deploymentArn!);
    expect([dep.status, dep.statusReason, typeof dep.finishedAt]).toEqual(["ROLLBACK_SUCCESSFUL", "Deployment rolled back successfully.", "number"]);
    expect((await waitUntilDaemonDeploymentSuccessful(waiter(), { daemonDeploymentArns: [deploymentArn!] }).catch((e) => JSON.parse(e.message))).state).toBe("FAILURE");
    expect((await t.ecs("DescribeDaemon", { daemonArn })).daemon!.currentRevisions!.map((r) => [r.arn, r.totalRunningCount])).toEqual([[good, 1]]);
    const [web] = await tasksOf({ serviceName: "web" });
    expect([web.lastStatus, await running()]).toEqual(["RUNNING", 1]);
  });

  it("stops a deployment that a newer one replaces", async () => {
    const daemonArn = await steady();
    const first = await t.ecs("UpdateDaemon", { daemonArn, daemonTaskDefinitionArn: await register("agent:2"), capacityProviderArns: [CP] });
    t.advance(0);
    expect((await deployment(first.deploymentArn!)).status).toBe("IN_PROGRESS");
    const second = await t.ecs("UpdateDaemon", { daemonArn, daemonTaskDefinitionArn: await register("agent:3"), capacityProviderArns: [CP] });
    const stopped = await deployment(first.deploymentArn!);
    expect([stopped.status, stopped.statusReason, typeof stopped.stoppedAt]).toEqual(["STOPPED", "Deployment stopped because a newer deployment was started.", "number"]);
    expect((await waitUntilDaemonDeploymentStopped(waiter(), { daemonDeploymentArns: [first.deploymentArn!] })).state).toBe("SUCCESS");
    t.advance(5 * MINUTE);
    expect((await deployment(second.deploymentArn!)).status).toBe("SUCCESSFUL");
    expect((await tasksOf({ daemonName: "agent" })).map((x) => x.containers![0].image)).toEqual(["agent:3"]);
    expect((await t.ecs("ListDaemonDeployments", { daemonArn, status: ["STOPPED"] })).daemonDeployments!.map((d) => d.daemonDeploymentArn)).toEqual([first.deploymentArn]);
  });

  it("keeps a daemon task definition DELETE_IN_PROGRESS while a daemon runs it, DELETED once none does", async () => {
    const daemonArn = await steady();
    await t.ecs("DeleteDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" });
    t.advance(0);
    expect((await t.ecs("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" })).daemonTaskDefinition!.status).toBe("DELETE_IN_PROGRESS");
    await t.ecs("UpdateDaemon", { daemonArn, daemonTaskDefinitionArn: await register("agent:2"), capacityProviderArns: [CP] });
    t.advance(5 * MINUTE);
    expect((await t.ecs("DescribeDaemonTaskDefinition", { daemonTaskDefinition: "agent:1" })).daemonTaskDefinition!.status).toBe("DELETED");
  });
});
