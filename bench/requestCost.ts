// The server CPU one request costs, in process and far less moved by the machine's load than a
// throughput: the server (startServer, as the bin runs it) on a loopback port in this process, the
// bench's own driver and prepared requests (workload.ts, wire.ts, http1.ts: 16 in flight) in a child
// process, a fixed number of units per round after a warm-up, and per round this process's CPU
// (process.cpuUsage): the server's alone, its GC threads included as the bench's /proc figure
// includes them (the main thread's own share beside it; the driver's CPU is never in the figure).
// Many short rounds; the least, the lower quartile and the median of what a unit cost in them.
//
//   npm run build && node dist/bench/requestCost.js [--only NAME|NAME] [--rounds 40] [--windows DIR]
//   node --import tsx bench/requestCost.ts --server /abs/path/to/a/tree/dist/rt-js/server.js
//   … [--state-dir DIR]: the server with a state directory (ECS_LOCAL_SNAPSHOT_EVERY=0: without the snapshot builder)
//
// --server: the server module of another build, for an A/B (run the two alternately, several times
// each). Compare JavaScript as it ships, not the sources through tsx: tsx keeps function names with
// a helper call wherever a function is made, which costs per request. In each tree
// `node scripts/transpile.mjs dist/rt-js` writes src/ as esbuild's JavaScript (what the bundle is made of).
// --windows DIR: under `node --cpu-prof`, writes DIR/phases.json with each phase's measured rounds, so
// that `bench/profile.ts … --phase NAME` reads only those samples.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fork } from "node:child_process";
import { companionPhases } from "./companions.js";

interface Plan {
  /** The bench's phase name. */
  name: string;
  warmup: number;
  units: number;
}

/** Units per round stay within what the bench prepares (workload.ts), so no request is sent twice. */
const PLANS: Plan[] = [
  { name: "RegisterContainerInstance", warmup: 1000, units: 400 },
  { name: "RunTask (count 1)", warmup: 1000, units: 300 },
  { name: "RunTask (count 10)", warmup: 300, units: 60 },
  { name: "Service create→describe→update→delete", warmup: 500, units: 100 },
  // Read only: its 1,000 prepared requests go round again.
  { name: "DescribeTasks (100 ARNs)", warmup: 1000, units: 300 },
  { name: "SSM parameter put→get→delete (chain of 3)", warmup: 500, units: 200 },
  { name: "Auto Scaling group create→describe→delete (chain of 3)", warmup: 500, units: 200 },
  { name: "CloudFormation stack create→describe→delete (chain of 3)", warmup: 500, units: 200 },
];

interface Args {
  server: string;
  only?: string;
  rounds: number;
  /** Where to write phases.json: the measured rounds' window per phase, for profile.js --phase (run under node --cpu-prof). */
  windows?: string;
  /** A state directory for the server (its journal's cost per request, in the main thread's column). */
  stateDir?: string;
}

function args(): Args {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  return { server: arg("--server") ?? "../src/server.js", only: arg("--only"), rounds: Math.min(40, Number(arg("--rounds") ?? 40)), windows: arg("--windows"), stateDir: arg("--state-dir") };
}

/** This thread's CPU time in µs (Linux: the scheduler's own count, in ns). */
function threadCpuUs(): number {
  return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1000;
}

function processCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

type ToMain = { kind: "begin" } | { kind: "end"; driverUs: number; errors: string[] } | { kind: "phase"; name: string } | { kind: "done" };

async function driverProcess(): Promise<void> {
  const port = process;
  const { origin, host, plans, rounds } = await new Promise<{ origin: string; host: string; plans: Plan[]; rounds: number }>((r) => port.once("message", r));
  const { Driver } = await import("./driver.js");
  const { EcsWire } = await import("./wire.js");
  const { Signer } = await import("./sigv4.js");
  const { CREDENTIALS, REGION } = await import("./targets.js");
  const { syntheticInstances } = await import("./motoEc2.js");
  const { DEFAULT_SIZES, phases, setup } = await import("./workload.js");
  type Bench = import("./workload.js").Bench;
  const acks: (() => void)[] = [];
  port.on("message", () => acks.shift()?.());
  const ask = (m: ToMain) => new Promise<void>((r) => (acks.push(r), port.send!(m)));

  // The SDK's user-agent texts are not fetched (that takes the SDK); these are of the same length and form.
  const agent = { userAgent: "aws-sdk-js/3.700.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/ecs#3.700.0 m/E", amzUserAgent: "aws-sdk-js/3.700.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/ecs#3.700.0 m/E" };
  const driver = new Driver(origin, 16);
  const b = { driver, wire: new EcsWire(new Signer(CREDENTIALS), REGION, host, agent), target: { origin, host }, instanceIds: syntheticInstances(128) } as unknown as Bench;
  const report = await setup(b, DEFAULT_SIZES);
  if (Object.keys(report.errors).length) throw new Error(`setup: ${JSON.stringify(report.errors)}`);
  const all = [...phases(() => report, DEFAULT_SIZES, () => b), ...companionPhases(() => b)];
  let next = 0;
  const errors: string[] = [];
  const run = async (phase: (typeof all)[number], end: number) => {
    const worker = async () => {
      while (next < end) {
        const out = await phase.op(b, next++);
        if (out.error && errors.length < 5) errors.push(out.error);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  };
  for (const plan of plans) {
    const phase = all.find((p) => p.name === plan.name)!;
    await ask({ kind: "phase", name: plan.name });
    await phase.prepare(b);
    next = 0;
    await run(phase, plan.warmup);
    for (let r = 0; r < rounds; r++) {
      await ask({ kind: "begin" });
      const t0 = processCpuUs();
      await run(phase, next + plan.units);
      await ask({ kind: "end", driverUs: processCpuUs() - t0, errors: errors.splice(0) });
    }
    phase.done?.();
  }
  await driver.close();
  port.send!({ kind: "done" } satisfies ToMain);
  port.disconnect!();
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];

async function main(): Promise<void> {
  const a = args();
  const { startServer } = (await import(a.server)) as typeof import("../src/server.js");
  const server = await startServer({ port: 0, host: "127.0.0.1", logLevel: "warn", ...(a.stateDir ? { stateDir: a.stateDir } : {}) });
  const plans = PLANS.filter((p) => !a.only || a.only.toLowerCase().split("|").some((w) => p.name.toLowerCase().includes(w)));
  const worker = fork(new URL(import.meta.url), ["--driver"], { execArgv: process.execArgv });
  worker.send({ origin: server.endpoint, host: `127.0.0.1:${server.port}`, plans, rounds: a.rounds });
  const results = new Map<string, { server: number[]; mainThread: number[]; driver: number[] }>();
  let current = "";
  const windows: { phase: string; fromUs: number; toUs: number }[] = [];
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  let p0 = 0;
  let m0 = 0;
  await new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (m: ToMain) => {
      if (m.kind === "phase") results.set((current = m.name), { server: [], mainThread: [], driver: [] });
      else if (m.kind === "begin") {
        (p0 = processCpuUs()), (m0 = threadCpuUs());
        if (windows.at(-1)?.phase !== current) windows.push({ phase: current, fromUs: nowUs(), toUs: 0 });
      }
      else if (m.kind === "end") {
        const units = plans.find((p) => p.name === current)!.units;
        const r = results.get(current)!;
        r.server.push((processCpuUs() - p0) / units);
        r.mainThread.push((threadCpuUs() - m0) / units);
        r.driver.push(m.driverUs / units);
        windows.at(-1)!.toUs = nowUs();
        if (m.errors.length) reject(new Error(`${current}: ${m.errors.join("; ")}`));
      } else if (m.kind === "done") return resolve();
      worker.send("ack");
    });
  });

  await server.stop();
  if (a.windows) mkdirSync(a.windows, { recursive: true }), writeFileSync(join(a.windows, "phases.json"), JSON.stringify(windows, null, 1) + "\n");
  // On a shared machine a round that met other work costs more CPU (caches, the core's other thread):
  // many short rounds, and the least and the lower quartile of what they cost are the steadiest
  // figures between runs; the median is the usual one.
  console.log(`server: ${a.server}; ${a.rounds} rounds; µs of CPU per unit: least, lower quartile, median (max)\n`);
  console.log("| Phase | units/round | server process | server main thread | driver process |\n|---|--:|--:|--:|--:|");
  const fmt = (xs: number[]) => `${Math.min(...xs).toFixed(0)}, ${quantile(xs, 0.25).toFixed(0)}, ${quantile(xs, 0.5).toFixed(0)} (${Math.max(...xs).toFixed(0)})`;
  for (const [name, r] of results) console.log(`| ${name} | ${plans.find((p) => p.name === name)!.units} | ${fmt(r.server)} | ${fmt(r.mainThread)} | ${fmt(r.driver)} |`);
  process.exit(0);
}

if (process.argv.includes("--driver")) void driverProcess();
else void main();
