// Snapshots with a runtime that holds tasks (as Docker does; a fake here): the tasks handed to the
// runtime are part of the snapshot, so reports journaled after it (the tail) reach their tasks on a
// restart from it exactly as on a restart from the whole journal.
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { silentLogger } from "../../src/log.js";
import { call, serve, until, type DockerLocal } from "../helpers/docker.js";
import { tempDir } from "../helpers/tempDir.js";
import { copyDir, expectSame, graph, keepSnapshots } from "./snapshotHarness.js";

class HoldingRuntime implements ContainerRuntime {
  readonly kind = "docker";
  readonly started = new Map<string, TaskEvents>();
  readonly stopped = new Map<string, TaskEvents>();
  readonly resumed: [string, string][] = [];
  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }
  start(run: TaskRun, events: TaskEvents): void {
    this.started.set(run.task.taskArn!, events);
  }
  stop(run: TaskRun, events: TaskEvents): void {
    this.stopped.set(run.task.taskArn!, events);
  }
  async resume(run: TaskRun, events: TaskEvents, status: string): Promise<void> {
    this.resumed.push([run.task.taskArn!, status]);
    this.started.set(run.task.taskArn!, events);
  }
  async sweep(): Promise<void> {}
  async reset(): Promise<void> {}
  async close(): Promise<void> {}
}

const open: DockerLocal[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

async function start(stateDir: string, runtime: ContainerRuntime): Promise<DockerLocal> {
  const r = await serve(createApp({ config: { stateDir, snapshotEvery: 0, validateOutput: true }, logger: silentLogger, runtime }));
  open.push(r);
  return r;
}

const ecs = (r: DockerLocal, op: string, input: object) => call(r.url, "ecs", op, input);
const task = async (r: DockerLocal, arn: string) => (await ecs(r, "DescribeTasks", { cluster: "c", tasks: [arn] })).tasks[0];

describe("snapshots with a runtime that holds tasks", () => {
  it("keep the tasks handed to the runtime: the tail's reports reach them as in a full replay", async () => {
    const d = tempDir("ecs-local-snap-rt-");
    const first = new HoldingRuntime();
    const a = await start(d, first);
    await ecs(a, "CreateCluster", { clusterName: "c" });
    await ecs(a, "RegisterContainerInstance", { cluster: "c", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
    await ecs(a, "RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "web", image: "busybox", memory: 32, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
    const runOne = async () => (await ecs(a, "RunTask", { cluster: "c", taskDefinition: "app" })).tasks[0].taskArn as string;
    const [running, starting] = [await runOne(), await runOne()];
    const events = await until("the runtime to be asked to start the task", async () => first.started.get(running), 10_000, 10);
    events.started([{ name: "web", runtimeId: "a".repeat(64), status: "RUNNING", networkBindings: [{ bindIP: "0.0.0.0", containerPort: 80, hostPort: 49153, protocol: "tcp" }] }]);
    await until("the task to run", async () => (await task(a, running)).lastStatus === "RUNNING", 10_000, 10);
    expect(a.local.snapshot()).toBe(true);
    // After the snapshot: the other task's start and the first one's exit, reported by the runtime.
    first.started.get(starting)!.started([{ name: "web", runtimeId: "b".repeat(64), status: "RUNNING", networkBindings: [{ bindIP: "0.0.0.0", containerPort: 80, hostPort: 49154, protocol: "tcp" }] }]);
    await until("the second task to run", async () => (await task(a, starting)).lastStatus === "RUNNING", 10_000, 10);
    first.started.get(running)!.changed({ name: "web", status: "STOPPED", exitCode: 3 });
    const stopping = await until("the runtime to be asked to stop the task", async () => first.stopped.get(running), 10_000, 10);
    stopping.stopped();
    await until("the task to stop", async () => (await task(a, running)).lastStatus === "STOPPED", 10_000, 10);
    open.splice(open.indexOf(a), 1);
    await a.close();

    const full = copyDir(d, "ecs-local-snap-rt-full-");
    const tail = copyDir(d, "ecs-local-snap-rt-tail-");
    keepSnapshots(full, () => false);
    keepSnapshots(tail, (seq, newest) => seq !== newest);
    const [rf, rt] = [new HoldingRuntime(), new HoldingRuntime()];
    const b = await start(full, rf);
    const c = await start(tail, rt);
    expectSame(graph(b.local), graph(c.local));
    for (const r of [b, c]) {
      expect((await task(r, starting)).containers[0]).toMatchObject({ runtimeId: "b".repeat(64), networkBindings: [{ containerPort: 80, hostPort: 49154 }] });
      const gone = await task(r, running);
      expect([gone.lastStatus, gone.stopCode, gone.containers[0].exitCode]).toEqual(["STOPPED", "EssentialContainerExited", 3]);
    }
    expect(rt.resumed).toEqual([[starting, "RUNNING"]]);
    expect(rf.resumed).toEqual(rt.resumed);
  });
});
