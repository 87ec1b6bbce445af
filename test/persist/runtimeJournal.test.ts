// With a runtime that holds tasks (as Docker does), what it reports comes from no request: each report
// is journaled, a restart replays it (the runtime is not asked to start anything again), and then the
// runtime is asked to take over every task it holds. No engine needed: the runtime here is a fake.
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { silentLogger } from "../../src/log.js";
import { call, serve, until, type DockerLocal } from "../helpers/docker.js";
import { tempDir } from "../helpers/tempDir.js";

class HoldingRuntime implements ContainerRuntime {
  readonly kind = "docker";
  readonly started = new Map<string, TaskEvents>();
  readonly stopped = new Map<string, TaskEvents>();
  readonly resumed: [string, string][] = [];
  swept?: string[];
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
  async sweep(keep: ReadonlySet<string>): Promise<void> {
    this.swept = [...keep];
  }
  async reset(): Promise<void> {}
  async close(): Promise<void> {}
}

const open: DockerLocal[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

async function start(stateDir: string, runtime: ContainerRuntime): Promise<DockerLocal> {
  const r = await serve(createApp({ config: { stateDir, validateOutput: true }, logger: silentLogger, runtime }));
  open.push(r);
  return r;
}

async function stop(r: DockerLocal): Promise<void> {
  open.splice(open.indexOf(r), 1);
  await r.close();
}

const ecs = (r: DockerLocal, op: string, input: object) => call(r.url, "ecs", op, input);
const task = async (r: DockerLocal, arn: string) => (await ecs(r, "DescribeTasks", { cluster: "c", tasks: [arn] })).tasks[0];

describe("--state-dir with a runtime that holds tasks", () => {
  it("replays the runtime's reports, asks it to take over what it holds, and keeps what it reports afterwards", async () => {
    const d = tempDir("ecs-local-state-");
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
    expect((await task(a, starting)).lastStatus).toBe("PENDING");
    await stop(a);

    const second = new HoldingRuntime();
    const b = await start(d, second);
    // The replay ran on nothing: the runtime was only asked to take over, each task in its status.
    expect(second.resumed.sort()).toEqual([[running, "RUNNING"], [starting, "PENDING"]].sort());
    expect(second.swept).toEqual([running]);
    const back = await task(b, running);
    expect(back.lastStatus).toBe("RUNNING");
    expect(back.containers[0]).toMatchObject({ runtimeId: "a".repeat(64), networkBindings: [{ containerPort: 80, hostPort: 49153 }] });
    second.started.get(running)!.changed({ name: "web", status: "STOPPED", exitCode: 3 });
    const stopping = await until("the runtime to be asked to stop the task", async () => second.stopped.get(running), 10_000, 10);
    stopping.stopped();
    const stopped = await until("the task to stop", async () => {
      const t = await task(b, running);
      return t.lastStatus === "STOPPED" ? t : undefined;
    }, 10_000, 10);
    expect([stopped.stopCode, stopped.containers[0].exitCode]).toEqual(["EssentialContainerExited", 3]);
    await stop(b);

    const third = new HoldingRuntime();
    const c = await start(d, third);
    const again = await task(c, running);
    expect([again.lastStatus, again.stopCode, again.containers[0].exitCode]).toEqual(["STOPPED", "EssentialContainerExited", 3]);
    expect(third.resumed).toEqual([[starting, "PENDING"]]);
  });
});
