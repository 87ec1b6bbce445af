// The Docker mode (`npm run bench -- --docker`, and the end of a full run): with `--runtime docker`,
// how long RunTask takes to reach RUNNING and StopTask to reach STOPPED, against the same container
// started and stopped on the same engine without ecs-local (the Engine API calls `docker run -d` and
// `docker stop` make: create and start, stop), taking turns so that both meet the same load.
// Skipped, with the reason, when no engine answers (DOCKER_HOST, else the default socket).
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_SOCKET, Engine } from "../src/runtime/docker/engine.js";
import { Driver, errorCode, median } from "./driver.js";
import { machine, writeResults } from "./results.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, launch, REGION, type Target } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";

const run = promisify(execFile);
const IMAGE = "local/ecs-local-busybox:bench";
/** Exits at SIGTERM (a shell as PID 1 ignores it otherwise): a stop is the engine's, not a timeout's. */
const COMMAND = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];
const STOP_TIMEOUT_S = 10;
/** ecs-local and the bare engine may differ by this much (issue #17). */
export const DOCKER_FACTOR = 1.3;

export interface DockerResult {
  date: string;
  machine: ReturnType<typeof machine>;
  engine: string;
  skipped?: string;
  runs: number;
  /** Milliseconds per run: RunTask → RUNNING and StopTask → STOPPED, and the bare engine's create+start and stop. */
  samples: { ecsRun: number[]; ecsStop: number[]; bareRun: number[]; bareStop: number[] };
  medians?: { ecsRun: number; ecsStop: number; bareRun: number; bareStop: number };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Why the Docker mode cannot run here, or undefined. */
async function unavailable(host: string): Promise<string | undefined> {
  if (host.startsWith("unix://") && !existsSync(host.slice(7))) return `no Docker socket at ${host.slice(7)} (set DOCKER_HOST, or start an engine: eval "$(.ci/docker.sh start)")`;
  const engine = new Engine(host);
  try {
    if (!(await engine.ping(3000))) return `the Docker engine at ${host} does not answer _ping`;
  } finally {
    engine.destroy();
  }
  if (!existsSync("/bin/busybox")) return "no /bin/busybox to build the image from (apt-get install busybox-static)";
  if (!(await run("docker", ["--version"]).then(() => true, () => false))) return "no docker CLI to import the image with (apt-get install docker.io)";
  return undefined;
}

/** A busybox root file system imported as IMAGE, as the Docker test suite does: no registry needed. */
async function importImage(host: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "ecs-local-bench-rootfs-"));
  try {
    for (const d of ["bin", "etc", "tmp"]) mkdirSync(join(root, d));
    copyFileSync("/bin/busybox", join(root, "bin/busybox"));
    for (const a of ["sh", "sleep", "true", "kill"]) symlinkSync("busybox", join(root, "bin", a));
    writeFileSync(join(root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    await run("sh", ["-c", `tar -C "${root}" -c . | docker import -c 'CMD ["/bin/sh"]' - ${IMAGE}`], { env: { ...process.env, DOCKER_HOST: host } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

class Ecs {
  private readonly driver: Driver;
  private readonly wire: EcsWire;

  constructor(target: Target, agent: UserAgent) {
    this.driver = new Driver(target.origin, 1);
    this.wire = new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent);
  }

  async call<T = any>(operation: string, input: object): Promise<T> {
    const reply = await this.driver.send(this.wire.build(operation, input), true);
    if (reply.status !== 200) throw new Error(`${operation}: ${errorCode(reply)}`);
    return JSON.parse(reply.text!) as T;
  }

  /** Polls DescribeTasks (every 2 ms) until the task's lastStatus is `status`. */
  async until(cluster: string, taskArn: string, status: string): Promise<void> {
    for (const deadline = performance.now() + 60_000; performance.now() < deadline; ) {
      const { tasks } = await this.call<{ tasks: { lastStatus: string; stoppedReason?: string }[] }>("DescribeTasks", { cluster, tasks: [taskArn] });
      if (tasks[0]?.lastStatus === status) return;
      if (tasks[0]?.lastStatus === "STOPPED") throw new Error(`the task stopped before ${status}: ${tasks[0].stoppedReason}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`the task did not reach ${status} within 60 s`);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

async function ecsRound(ecs: Ecs, cluster: string): Promise<[number, number]> {
  const t0 = performance.now();
  const out = await ecs.call<{ tasks: { taskArn: string }[]; failures: unknown[] }>("RunTask", { cluster, taskDefinition: "bench-docker", count: 1 });
  if (!out.tasks.length) throw new Error(`RunTask placed nothing: ${JSON.stringify(out.failures)}`);
  const arn = out.tasks[0].taskArn;
  await ecs.until(cluster, arn, "RUNNING");
  const t1 = performance.now();
  await ecs.call("StopTask", { cluster, task: arn });
  await ecs.until(cluster, arn, "STOPPED");
  return [t1 - t0, performance.now() - t1];
}

async function bareRound(engine: Engine, n: number): Promise<[number, number]> {
  const t0 = performance.now();
  const created = await engine.call("POST", `/containers/create?name=ecs-local-bench-bare-${process.pid}-${n}`, { Image: IMAGE, Cmd: COMMAND, StopTimeout: STOP_TIMEOUT_S, HostConfig: { Memory: 32 * 1024 * 1024 } });
  await engine.call("POST", `/containers/${created.Id}/start`);
  const t1 = performance.now();
  await engine.call("POST", `/containers/${created.Id}/stop?t=${STOP_TIMEOUT_S}`, undefined, (STOP_TIMEOUT_S + 30) * 1000);
  const t2 = performance.now();
  await engine.call("DELETE", `/containers/${created.Id}?force=1`).catch(() => undefined);
  return [t1 - t0, t2 - t1];
}

/** Runs the Docker mode; writes bench/results/docker-latest.* unless `write` is false (a full run keeps it in its own report). */
export async function runDocker(runs: number, agent: UserAgent, log: (line: string) => void, write = true): Promise<DockerResult> {
  const host = process.env.DOCKER_HOST || DEFAULT_SOCKET;
  const result: DockerResult = { date: new Date().toISOString(), machine: machine(), engine: host, runs, samples: { ecsRun: [], ecsStop: [], bareRun: [], bareStop: [] } };
  const why = await unavailable(host);
  if (why) {
    log(`Docker mode skipped: ${why}`);
    result.skipped = why;
  } else {
    await importImage(host);
    const target = await launch("ecs-local", agent, [], ["--runtime", "docker", "--docker-host", host, "--task-endpoint-port", "0"]);
    const ecs = new Ecs(target, agent);
    const engine = new Engine(host);
    try {
      const cluster = "bench-docker";
      await ecs.call("CreateCluster", { clusterName: cluster });
      const doc = { instanceId: "i-0000000000000d0c1", instanceType: "t3.medium", availabilityZone: `${REGION}a`, region: REGION };
      await ecs.call("RegisterContainerInstance", { cluster, instanceIdentityDocument: JSON.stringify(doc) });
      await ecs.call("RegisterTaskDefinition", { family: "bench-docker", containerDefinitions: [{ name: "app", image: IMAGE, memory: 32, essential: true, command: COMMAND, stopTimeout: STOP_TIMEOUT_S }] });
      // One of each first, not counted: the engine's first container start pays for caches.
      await ecsRound(ecs, cluster);
      await bareRound(engine, 0);
      for (let i = 1; i <= runs; i++) {
        // Taking turns, each starting first every other round.
        const pair = i % 2 ? [() => ecsRound(ecs, cluster), () => bareRound(engine, i)] : [() => bareRound(engine, i), () => ecsRound(ecs, cluster)];
        for (const [k, f] of pair.entries()) {
          const [start, stop] = await f();
          const ours = (i % 2 === 1) === (k === 0);
          (ours ? result.samples.ecsRun : result.samples.bareRun).push(round(start));
          (ours ? result.samples.ecsStop : result.samples.bareStop).push(round(stop));
        }
      }
      const s = result.samples;
      result.medians = { ecsRun: round(median(s.ecsRun)), ecsStop: round(median(s.ecsStop)), bareRun: round(median(s.bareRun)), bareStop: round(median(s.bareStop)) };
      log(`Docker mode: RunTask → RUNNING ${result.medians.ecsRun} ms against create+start ${result.medians.bareRun} ms; StopTask → STOPPED ${result.medians.ecsStop} ms against stop ${result.medians.bareStop} ms (medians of ${runs})`);
    } finally {
      await ecs.close();
      engine.destroy();
      await target.stop();
    }
  }
  if (write) {
    const md = dockerMarkdown(result);
    writeResults("docker-latest", result, md);
    process.stdout.write(md);
  }
  return result;
}

export function dockerMarkdown(r: DockerResult): string {
  if (r.skipped) return `Docker mode (real containers): skipped — ${r.skipped}.\n`;
  const m = r.medians!;
  const row = (what: string, ours: number, bare: number, bareWhat: string) =>
    `| ${what} | ${ours} | ${bareWhat} | ${bare} | ${(ours / bare).toFixed(2)}× | ${ours / bare <= DOCKER_FACTOR ? "yes" : "**no**"} |`;
  return [
    `Docker mode of ${r.date} (engine ${r.engine}, image ${IMAGE}, medians of ${r.runs} alternating rounds; ecs-local polls DescribeTasks every 2 ms):`,
    "",
    `| ecs-local | ms | the same container without ecs-local | ms | ratio | within ${DOCKER_FACTOR}× |`,
    "|---|--:|---|--:|--:|---|",
    row("RunTask → RUNNING", m.ecsRun, m.bareRun, "create + start (`docker run -d`)"),
    row("StopTask → STOPPED", m.ecsStop, m.bareStop, "stop (`docker stop`)"),
    "",
  ].join("\n");
}
