// The service throttle logic and the failure count, driven by a runtime whose tasks fail to start
// (as a missing image does under Docker) and by the timeline: no test here sleeps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { THROTTLE_MAX_MS, throttleDelay } from "../../src/services/ecs/scheduler/throttle.js";
import { circuitThreshold } from "../../src/services/ecs/scheduler/circuitBreaker.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

/** Holds every task; the test decides whether each start fails or runs. */
class FailingRuntime implements ContainerRuntime {
  readonly kind = "docker";
  starts: { arn: string; events: TaskEvents; handled: boolean }[] = [];
  stopping: TaskEvents[] = [];
  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }
  start(run: TaskRun, events: TaskEvents): void {
    this.starts.push({ arn: run.task.taskArn!, events, handled: false });
  }
  stop(_run: TaskRun, events: TaskEvents): void {
    this.stopping.push(events);
  }
  async reset(): Promise<void> {
    this.starts = [];
    this.stopping = [];
  }
  async close(): Promise<void> {}
}

let t: TestLocal;
const runtime = new FailingRuntime();
const PULL = "CannotPullContainerError: pull access denied for nope, repository does not exist or may require 'docker login'";
const THROTTLED = "(service s) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

beforeAll(async () => {
  t = await startLocal({}, { runtime });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await runtime.reset();
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterContainerInstance", { cluster: "c", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
  await t.ecs("RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "web", image: "nope", memory: 32 }] });
});

/** Lets due work run and every stop the runtime was asked for finish. */
function settle(): void {
  t.advance(0);
  while (runtime.stopping.length) {
    for (const e of runtime.stopping.splice(0)) e.stopped();
    t.advance(0);
  }
}

/** The starts not yet answered. */
const fresh = () => runtime.starts.filter((s) => !s.handled);

function failAll(): number {
  const todo = fresh();
  for (const s of todo) {
    s.handled = true;
    s.events.failed("TaskFailedToStart", PULL);
  }
  settle();
  return todo.length;
}

function runAll(): number {
  const todo = fresh();
  for (const s of todo) {
    s.handled = true;
    s.events.started([{ name: "web", status: "RUNNING" }]);
  }
  settle();
  return todo.length;
}

const service = async () => (await t.ecs("DescribeServices", { cluster: "c", services: ["s"] })).services![0];
const throttleEvents = async () => (await service()).events!.filter((e) => e.message === THROTTLED).length;

describe("service throttle logic", () => {
  it("waits longer after each task that fails to start, says so once, and launches again when the wait is over", async () => {
    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 1 });
    settle();
    expect(failAll()).toBe(1);
    // A single failure is retried at once.
    expect(fresh()).toHaveLength(1);
    expect(await throttleEvents()).toBe(0);
    expect(failAll()).toBe(1);
    // The second in a row: launches wait.
    expect(fresh()).toHaveLength(0);
    expect(await throttleEvents()).toBe(1);
    t.advance(throttleDelay(2) - 1);
    settle();
    expect(fresh()).toHaveLength(0);
    t.advance(1);
    settle();
    expect(fresh()).toHaveLength(1);
    expect(failAll()).toBe(1);
    // The third: twice the wait, and no second event for the same run of failures.
    t.advance(throttleDelay(2));
    settle();
    expect(fresh()).toHaveLength(0);
    t.advance(throttleDelay(3) - throttleDelay(2));
    settle();
    expect(fresh()).toHaveLength(1);
    expect(await throttleEvents()).toBe(1);
    const d = (await service()).deployments![0];
    expect(d.failedTasks).toBe(3);
    const stopped = (await t.ecs("ListTasks", { cluster: "c", desiredStatus: "STOPPED" })).taskArns!;
    const tasks = (await t.ecs("DescribeTasks", { cluster: "c", tasks: stopped })).tasks!;
    expect(tasks.map((x) => [x.stopCode, x.stoppedReason])).toEqual(Array(3).fill(["TaskFailedToStart", PULL]));

    // A task that runs returns the service to normal: the next failure is retried at once.
    expect(runAll()).toBe(1);
    expect((await service()).runningCount).toBe(1);
  });

  it("grows the wait up to 27 minutes and no further", () => {
    expect([2, 3, 4].map(throttleDelay)).toEqual([10_000, 20_000, 40_000]);
    expect(throttleDelay(10)).toBe(THROTTLE_MAX_MS);
    expect(throttleDelay(1000)).toBe(27 * 60_000);
  });

  it("returns to normal at once when the service is updated to another task definition", async () => {
    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 1 });
    settle();
    failAll();
    failAll();
    expect(fresh()).toHaveLength(0);
    await t.ecs("RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "web", image: "busybox", memory: 32 }] });
    await t.ecs("UpdateService", { cluster: "c", service: "s", taskDefinition: "app:2" });
    settle();
    expect(fresh()).toHaveLength(1);
    expect(runAll()).toBe(1);
    expect((await service()).runningCount).toBe(1);
  });

  it("does not throttle tasks that stop after they reached RUNNING", async () => {
    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 1 });
    settle();
    for (let i = 0; i < 4; i++) {
      const [s] = fresh();
      expect(s).toBeDefined();
      runAll();
      s.events.changed({ name: "web", status: "STOPPED", exitCode: 1 });
      settle();
    }
    expect(fresh()).toHaveLength(1);
    expect(await throttleEvents()).toBe(0);
    expect((await service()).deployments![0].failedTasks).toBe(0);
  });

  it("keeps launching after a failure when a running task returned it to normal in between", async () => {
    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: 2 });
    settle();
    // One of two fails (as a second task wanting a taken fixed host port does): retried at once.
    const [a, b] = fresh();
    a.handled = b.handled = true;
    a.events.started([{ name: "web", status: "RUNNING" }]);
    settle();
    b.events.failed("TaskFailedToStart", "CannotStartContainerError: port is already allocated");
    settle();
    expect(fresh()).toHaveLength(1);
    failAll();
    // Two failures in a row since the last task that ran: the wait begins.
    expect(fresh()).toHaveLength(0);
    expect(await throttleEvents()).toBe(1);
  });
});

describe("deployment circuit breaker", () => {
  const BROKEN = "ECS deployment circuit breaker: tasks failed to start.";
  let failing = "";

  /** A service running app:1 on two tasks, then updated to app:2 whose image cannot be pulled. */
  async function breakingUpdate(rollback: boolean): Promise<string> {
    await t.ecs("RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "web", image: "nope:2", memory: 32 }] });
    await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "app:1", desiredCount: 2, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } } });
    settle();
    expect(runAll()).toBe(2);
    const good = (await service()).deployments![0];
    expect(good.rolloutState).toBe("COMPLETED");
    await t.ecs("UpdateService", { cluster: "c", service: "s", taskDefinition: "app:2" });
    settle();
    failing = (await service()).deployments![0].id!;
    const sd = (await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: [(await service()).currentServiceDeployment!] })).serviceDeployments![0];
    expect(sd.deploymentCircuitBreaker).toEqual({ status: "MONITORING", failureCount: 0, threshold: 3 });
    // Two fail together, the throttle holds the next launch, then two more fail: 4 ≥ 3.
    expect(failAll()).toBe(2);
    expect((await service()).deployments![0]).toMatchObject({ rolloutState: "IN_PROGRESS", failedTasks: 2 });
    t.advance(throttleDelay(2));
    settle();
    expect(failAll()).toBe(2);
    return good.id!;
  }

  it("fails the deployment after threshold failures in a row and rolls back to the completed one", async () => {
    const goodId = await breakingUpdate(true);
    const s = await service();
    expect(s.taskDefinition).toMatch(/task-definition\/app:1$/);
    // The failed deployment has no task left, so only the rollback and the one it goes back to are listed.
    const [back, good] = s.deployments!;
    expect(back).toMatchObject({ status: "PRIMARY", rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${goodId}.` });
    expect(back.taskDefinition).toMatch(/app:1$/);
    expect(good.id).toBe(goodId);
    expect(s.events!.some((e) => e.message === `(service s) (deployment ${failing}) deployment failed: tasks failed to start.`)).toBe(true);
    // The rollback's tasks run: it completes and the service deployment says it was rolled back.
    runAll();
    t.advance(1000);
    settle();
    const after = await service();
    expect(after.deployments!.map((d) => d.rolloutState)).toEqual(["COMPLETED"]);
    const arns = (await t.ecs("ListServiceDeployments", { cluster: "c", service: "s" })).serviceDeployments!.map((x) => x.serviceDeploymentArn!);
    const sds = (await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: arns })).serviceDeployments!;
    const rolled = sds.find((x) => x.rollback)!;
    expect(rolled.status).toBe("ROLLBACK_SUCCESSFUL");
    expect(rolled.deploymentCircuitBreaker).toEqual({ status: "TRIGGERED", failureCount: 4, threshold: 3 });
  });

  it("without rollback, fails the deployment and launches no more of its tasks", async () => {
    await breakingUpdate(false);
    const s = await service();
    expect(s.deployments![0]).toMatchObject({ status: "PRIMARY", rolloutState: "FAILED", rolloutStateReason: BROKEN, failedTasks: 4 });
    t.advance(THROTTLE_MAX_MS * 2);
    settle();
    expect(fresh()).toHaveLength(0);
    // The old deployment's tasks keep serving.
    expect((await service()).runningCount).toBe(2);
    const sd = (await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: [s.currentServiceDeployment!] })).serviceDeployments![0];
    expect(sd).toMatchObject({ status: "STOPPED", statusReason: BROKEN, deploymentCircuitBreaker: { status: "TRIGGERED", failureCount: 4, threshold: 3 } });
  });

  it("takes half the desired count as threshold, at least 3 and at most 200", () => {
    expect([0, 1, 6, 7, 10, 400, 1000].map(circuitThreshold)).toEqual([3, 3, 3, 4, 5, 200, 200]);
  });
});
