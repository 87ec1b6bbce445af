// The service throttle logic with the simulated runtime: an agent reports (SubmitTaskStateChange)
// that a service's PENDING tasks stopped, as it does when their image cannot be pulled.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => {
  // Tasks stay PENDING for a minute: long enough for the agent to report them stopped first.
  t = await startLocal({ timings: { pendingMs: 60_000 } });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterContainerInstance", { cluster: "c", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
  await t.ecs("RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "web", image: "nope", memory: 32 }] });
});

const pending = async () => (await t.ecs("ListTasks", { cluster: "c", serviceName: "s", desiredStatus: "RUNNING" })).taskArns!;

async function agentStops(arn: string): Promise<void> {
  await t.ecs("SubmitTaskStateChange", {
    cluster: "c",
    task: arn,
    status: "STOPPED",
    reason: "CannotPullContainerError: pull access denied for nope",
    containers: [{ containerName: "web", status: "STOPPED", reason: "CannotPullContainerError: pull access denied for nope" }],
  });
  t.advance(0);
}

it("holds a service's launches back after its tasks stop twice before RUNNING, and says so", async () => {
  await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 1 });
  t.advance(0);
  const [first] = await pending();
  await agentStops(first);
  const [second] = await pending();
  expect(second).toBeDefined();
  expect(second).not.toBe(first);
  await agentStops(second);
  expect(await pending()).toEqual([]);
  const svc = (await t.ecs("DescribeServices", { cluster: "c", services: ["s"] })).services![0];
  expect(svc.events!.map((e) => e.message)).toContain("(service s) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
  expect(svc.deployments![0].failedTasks).toBe(2);
  t.advance(10_000);
  expect(await pending()).toHaveLength(1);
});
