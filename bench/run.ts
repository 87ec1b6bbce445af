// npm run bench [-- --concurrency 16 --duration 5 --warmup 1 --no-moto --no-persist --phase NAME --profile DIR --heap-snapshot DIR --bin PATH --versus PATH | --versus-state-dir | --versus-node-flags FLAGS [--rounds 4] --docker [--docker-runs 10] --scale | --soak [--soak-seconds 600] | --startup [--startup-runs 9] | --restart [--restart-entries 1000000]]
// Starts each target on a free loopback port, drives the same workload, writes bench/results/.
import { collectDriverGarbage } from "./driverGc.js";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Driver, latencyPercentiles, median, round, runLoad, summarize, type LoadResult, type OpOutcome } from "./driver.js";
import { checkFidelity, sdkUserAgent } from "./fidelity.js";
import { machine, markdown, writeResults, type CpuShare, type PhaseResult, type RunResult, type TargetRun } from "./results.js";
import { compareAb, runAb } from "./ab.js";
import { dockerMarkdown, runDocker } from "./docker.js";
import { runScale } from "./scale.js";
import { runSoak } from "./soak.js";
import { runStartup, sampleStartup } from "./startup.js";
import { motoInstances, syntheticInstances } from "./motoEc2.js";
import { sdkCheck } from "./sdkcheck.js";
import { queryPhases } from "./queryWorkload.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, cpuSecondsOf, launch, memoryOf, motoCommand, REGION, useBin, type TargetKind } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { elbv2Phases } from "./elbv2.js";
import { companionPhases } from "./companions.js";
import { DEFAULT_SIZES, phases, setup, type Bench, type Phase, type SetupReport } from "./workload.js";

/** Rounds of alternating one-second windows for the state-directory comparison. */
const PERSIST_ROUNDS = 4;

/** Alternating starts the full run takes for its start-up verdict (`--startup` alone takes 9 by default). */
const STARTUP_RUNS = 5;

interface Options {
  concurrency: number;
  phaseMs: number;
  warmupMs: number;
  moto: boolean;
  scale: boolean;
  scaleTasks: number;
  soak: boolean;
  soakMs: number;
  soakRetentionMs: number;
  only?: string;
  /** Where ecs-local writes a V8 CPU profile (node --cpu-prof) when set. */
  profileDir?: string;
  /** Only the start-up measure, this many times for each target. */
  startupRuns?: number;
  /** Another build of the command to measure, relative to the repository (an A/B pair of builds). */
  bin?: string;
  /** Runs the writing phases again against ecs-local with a state directory. */
  persist: boolean;
  /** Where ecs-local writes a heap snapshot after its phases (to see what it holds). */
  heapDir?: string;
  /** Only the Docker mode (real containers against the bare engine). */
  docker: boolean;
  dockerRuns: number;
  /** Another build to measure against this one, in alternating windows (bench/ab.ts). */
  versus?: string;
  /** The same build with a state directory against it in memory, in alternating windows. */
  versusStateDir: boolean;
  /** Node's flags for B in an A/B (`--versus-node-flags "--max-semi-space-size=4"`; B is A's build unless --versus names one). */
  versusNodeFlags?: string[];
  rounds: number;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  };
  const num = (name: string, fallback: number): number => {
    const v = value(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    concurrency: Math.round(num("concurrency", 16)),
    phaseMs: num("duration", 5) * 1000,
    warmupMs: num("warmup", 1) * 1000,
    moto: !argv.includes("--no-moto"),
    scale: argv.includes("--scale"),
    scaleTasks: Math.round(num("scale-tasks", 100_000)),
    soak: argv.includes("--soak"),
    soakMs: num("soak-seconds", 600) * 1000,
    soakRetentionMs: num("soak-retention-seconds", 60) * 1000,
    only: value("phase"),
    profileDir: value("profile"),
    startupRuns: argv.includes("--startup") ? Math.round(num("startup-runs", 9)) : undefined,
    bin: value("bin"),
    persist: !argv.includes("--no-persist"),
    heapDir: value("heap-snapshot"),
    versus: value("versus"),
    versusNodeFlags: value("versus-node-flags")?.split(/\s+/).filter(Boolean),
    versusStateDir: argv.includes("--versus-state-dir"),
    docker: argv.includes("--docker"),
    dockerRuns: Math.round(num("docker-runs", 10)),
    rounds: Math.round(num("rounds", 4)),
  };
}

/** EC2 instances each target is given to register; registrations cycle through them. */
const INSTANCE_POOL = 128;

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

/** Warm-up (not counted), then the measured window; units are numbered across both. */
async function measure(opts: Options, pid: number, maxOps: number, op: (i: number) => Promise<{ requests: number; error?: string }>, beforeMeasured?: () => void): Promise<LoadResult & CpuShare> {
  let next = 0;
  const run = (durationMs: number, budget: number) => runLoad({ concurrency: opts.concurrency, durationMs, maxOps: budget, op: () => op(next++) });
  const warm = await run(opts.warmupMs, Math.floor(maxOps / 10));
  beforeMeasured?.();
  const server0 = cpuSecondsOf(pid);
  const driver0 = process.cpuUsage();
  const result = await run(opts.phaseMs, maxOps - warm.ops);
  const seconds = result.elapsedMs / 1000;
  const driver = process.cpuUsage(driver0);
  return {
    ...result,
    serverCpuPct: round(((cpuSecondsOf(pid) - server0) / seconds) * 100, 0),
    driverCpuPct: round(((driver.user + driver.system) / 1e6 / seconds) * 100, 0),
  };
}

/** About the size of ecs-local's DescribeTasks(100) answer (1.4 KB a task). */
export const LARGE_BODY_BYTES = 138_000;

/** What the ceiling is sent: DescribeTasks(100) requests as the phase's (the ceiling reads them and answers its fixed body). */
function ceilingRequests(host: string, agent: UserAgent) {
  const wire = new EcsWire(new Signer(CREDENTIALS), REGION, host, agent);
  const arns = Array.from({ length: 100 }, (_, i) => `arn:aws:ecs:us-east-1:000000000000:task/bench-list/${i.toString(16).padStart(32, "0")}`);
  return Array.from({ length: 1000 }, () => wire.build("DescribeTasks", { tasks: arns, cluster: "bench-list" }));
}

/** One request to the ceiling, its prepared requests in turn. */
function ceilingOp(driver: Driver, reqs: ReturnType<typeof ceilingRequests>): (i: number) => Promise<OpOutcome> {
  return async (i) => {
    const r = await driver.send(reqs[i % reqs.length]);
    return r.status === 200 ? { requests: 1 } : { requests: 1, error: `HTTP ${r.status}` };
  };
}

async function ceiling(opts: Options, agent: UserAgent, bodyBytes = 0): Promise<RunResult["ceiling"]> {
  const target = await launch("ceiling", agent, bodyBytes ? [String(bodyBytes)] : []);
  const driver = new Driver(target.origin, opts.concurrency);
  const reqs = ceilingRequests(target.host, agent);
  const result = await measure(opts, target.pid, Number.MAX_SAFE_INTEGER, ceilingOp(driver, reqs));
  const mem = memoryOf(target.pid);
  await driver.close();
  await target.stop();
  return { name: bodyBytes ? `ceiling, ${bodyBytes.toLocaleString("en-US")}-byte body` : "ceiling", unit: "request", ...summarize(result), serverCpuPct: result.serverCpuPct, driverCpuPct: result.driverCpuPct, startupMs: target.startupMs, peakRssMb: mem.peakRssMb };
}

/** Alternating windows of DescribeTasks(100) and of the same-size ceiling: each round one of each, after one unmeasured round. */
const DESCRIBE_ROUNDS = 7;
const SETTLE_MS = 250;

/**
 * DescribeTasks(100) against the bare server answering a body of its size, in alternating one-second
 * windows right after the phase (medians). Measured minutes apart, the share moved with this shared
 * machine's speed (the ceiling read 12,906 to 19,646 req/s in one afternoon's runs, the share 46–55%);
 * windows side by side meet the same load, as the state-directory comparison's do.
 */
async function describeVersusCeiling(opts: Options, b: Bench, phase: Phase, agent: UserAgent): Promise<NonNullable<TargetRun["describeVersusCeiling"]>> {
  const target = await launch("ceiling", agent, [String(LARGE_BODY_BYTES)]);
  const driver = new Driver(target.origin, opts.concurrency);
  const reqs = ceilingRequests(target.host, agent);
  const window = async (op: (i: number) => Promise<OpOutcome>): Promise<number> => {
    const r = await runLoad({ concurrency: opts.concurrency, durationMs: 1000, maxOps: Number.MAX_SAFE_INTEGER, op });
    if (r.errors) throw new Error(`errors in a window: ${JSON.stringify(r.errorSamples).slice(0, 200)}`);
    return r.ops / (r.elapsedMs / 1000);
  };
  const ours: number[] = [];
  const bare: number[] = [];
  try {
    for (let round = 0; round <= DESCRIBE_ROUNDS; round++) {
      const a = await window((i) => phase.op(b, i));
      // ecs-local is stopped while the ceiling has the machine: idle, it still spends a few percent of
      // a core (its idle-time warm-up, the collector shrinking its heap), which the ceiling measured
      // alone never met.
      process.kill(b.target.pid, "SIGSTOP");
      let c: number;
      try {
        c = await window(ceilingOp(driver, reqs));
      } finally {
        process.kill(b.target.pid, "SIGCONT");
      }
      // What its timers held back while stopped (the idle work the ceiling's window would have met) runs before its next window.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      if (round > 0) ours.push(a), bare.push(c);
    }
  } finally {
    await driver.close();
    await target.stop();
  }
  log(`DescribeTasks(100) and the ceiling alternating: ${Math.round(median(ours))} and ${Math.round(median(bare))} req/s`);
  return { rounds: DESCRIBE_ROUNDS, windowMs: 1000, ecsLocal: Math.round(median(ours)), ceiling: Math.round(median(bare)) };
}

/** Each measured phase's time window (warm-up included), written beside the profile. */
const windows: { phase: string; fromUs: number; toUs: number }[] = [];

async function runPhase(opts: Options, b: Bench, phase: Phase): Promise<PhaseResult> {
  try {
    await phase.prepare(b);
  } catch (e) {
    const msg = (e as Error).message;
    return { name: phase.name, unit: phase.unit, setupError: msg, ...summarize({ ops: 0, requests: 0, errors: 0, errorSamples: {}, elapsedMs: 1, latencies: [] }) };
  }
  const from = process.hrtime.bigint();
  const result = await measure(opts, b.target.pid, phase.maxOps, (i) => phase.op(b, i), () => phase.requestLatencies?.splice(0));
  // Under --profile, the phase's time window in the clock V8's profiles use (CLOCK_MONOTONIC, µs), so
  // that `profile.js --phase` reads only the samples the phase caused, not setup or other phases.
  if (opts.profileDir) windows.push({ phase: phase.name, fromUs: Number(from / 1000n), toUs: Number(process.hrtime.bigint() / 1000n) });
  // Memory after each phase: what it left held, and the peak so far (VmHWM never goes down).
  const mem = memoryOf(b.target.pid);
  const stats = summarize(result);
  const perRequest = phase.requestLatencies ? { reqPerSec: stats.reqPerSec, ...latencyPercentiles(phase.requestLatencies) } : undefined;
  phase.done?.();
  collectDriverGarbage();
  if (phase.requestLatencies) phase.requestLatencies.length = 0;
  return { name: phase.name, unit: phase.unit, ...stats, serverCpuPct: result.serverCpuPct, driverCpuPct: result.driverCpuPct, rssMb: mem.rssMb, peakRssMb: mem.peakRssMb, perRequest };
}

/** What the server holds after the phases: a heap snapshot (node --heapsnapshot-signal), written into `dir`. */
async function heapSnapshot(pid: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  // Node writes the file while the process stands still; it is done when its size stops changing.
  let last = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const file = readdirSync(dir).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    const size = file ? statSync(join(dir, file)).size : -1;
    if (file && size > 0 && size === last) return log(`heap snapshot: ${join(dir, file)} (${Math.round(size / 2 ** 20)} MB)`);
    last = size;
  }
  log("heap snapshot: none written within 5 minutes");
}

async function benchTarget(kind: TargetKind, opts: Options, agent: UserAgent): Promise<TargetRun> {
  let target;
  const profileDir = opts.profileDir;
  windows.length = 0;
  const name = kind;
  try {
    const profile = kind === "ecs-local" && profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    if (kind === "ecs-local" && opts.heapDir) profile.push("--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${opts.heapDir}`);
    target = await launch(kind, agent, profile);
  } catch (e) {
    return { kind: name, phases: [], sdk: [], error: (e as Error).message };
  }
  log(`${name}: answered ${target.startupMs} ms after spawn (pid ${target.pid})`);
  const driver = new Driver(target.origin, opts.concurrency);
  const b: Bench = { driver, wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: [] };
  const run: TargetRun = { kind: name, startupMs: target.startupMs, phases: [], sdk: [] };
  try {
    b.instanceIds = kind === "moto" ? await motoInstances(target, INSTANCE_POOL) : syntheticInstances(INSTANCE_POOL);
    const report: SetupReport = await setup(b, DEFAULT_SIZES);
    run.setupErrors = report.errors;
    if (Object.keys(report.errors).length) log(`${name}: setup errors ${JSON.stringify(report.errors).slice(0, 400)}`);
    for (const phase of [...phases(() => report, DEFAULT_SIZES, () => b), ...queryPhases(() => b), ...elbv2Phases(() => b), ...companionPhases(() => b)]) {
      // `--phase a|b` runs the phases whose names contain any of the alternatives.
      if (opts.only && !opts.only.toLowerCase().split("|").some((w) => phase.name.toLowerCase().includes(w))) continue;
      const r = await runPhase(opts, b, phase);
      if (kind === "ecs-local" && phase.name.startsWith("DescribeTasks") && r.errors === 0) run.describeVersusCeiling = await describeVersusCeiling(opts, b, phase, agent);
      log(`${name}: ${phase.name}: ${r.opsPerSec} ops/s (server CPU ${r.serverCpuPct}%, driver CPU ${r.driverCpuPct}%), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors${r.setupError ? ` (${r.setupError})` : ""}${r.errors ? ` ${JSON.stringify(r.errorSamples).slice(0, 200)}` : ""}`);
      run.phases.push(r);
    }
    if (kind === "ecs-local" && opts.heapDir) await heapSnapshot(target.pid, opts.heapDir);
    run.sdk = await sdkCheck(target, b.instanceIds);
    const mem = memoryOf(target.pid);
    run.peakRssMb = mem.peakRssMb;
    run.rssMb = mem.rssMb;
  } catch (e) {
    run.error = (e as Error).stack ?? String(e);
    log(`${name}: ${run.error}`);
  } finally {
    await driver.close();
    await target.stop();
    if (kind === "ecs-local" && profileDir) mkdirSync(profileDir, { recursive: true }), writeFileSync(join(profileDir, "phases.json"), JSON.stringify(windows, null, 1) + "\n");
  }
  return run;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  useBin(opts.bin);
  if (process.argv.includes("--restart")) {
    const i = process.argv.indexOf("--restart-entries");
    const { runRestartBench } = await import("./restart.js");
    await runRestartBench(i >= 0 ? Number(process.argv[i + 1]) : 1_000_000, log);
    return;
  }
  const agent = await sdkUserAgent();
  if (opts.soak) {
    await runSoak({ concurrency: opts.concurrency, durationMs: opts.soakMs, retentionMs: opts.soakRetentionMs }, agent, log);
    return;
  }
  if (opts.docker) {
    await runDocker(opts.dockerRuns, agent, log);
    return;
  }
  if (opts.startupRuns) {
    await runStartup(opts.startupRuns, agent, log);
    return;
  }
  if (opts.versus || opts.versusStateDir || opts.versusNodeFlags) {
    const windowMs = process.argv.some((a) => a.startsWith("--duration")) ? opts.phaseMs : 1000;
    const dir = opts.versusStateDir ? mkdtempSync(join(tmpdir(), "ecs-local-bench-state-")) : undefined;
    try {
      await runAb({ a: opts.bin, b: opts.versus, bArgs: dir ? ["--state-dir", dir] : [], bNodeFlags: opts.versusNodeFlags, only: opts.only, rounds: opts.rounds, windowMs, concurrency: opts.concurrency }, agent, log);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  if (opts.scale) {
    await runScale({ concurrency: opts.concurrency, tasks: opts.scaleTasks }, agent, log);
    return;
  }
  const started = performance.now();
  const fidelity = await checkFidelity(agent);
  log(`driver fidelity: ${fidelity.filter((f) => f.ok).length}/${fidelity.length} operations byte-identical to the SDK's`);
  const result: RunResult = { date: new Date().toISOString(), machine: machine(), options: { concurrency: opts.concurrency, phaseMs: opts.phaseMs, warmupMs: opts.warmupMs }, fidelity, targets: [] };
  result.ceiling = await ceiling(opts, agent);
  log(`ceiling: ${result.ceiling!.reqPerSec} req/s, p99 ${result.ceiling!.p99Ms} ms (server CPU ${result.ceiling!.serverCpuPct}%, driver CPU ${result.ceiling!.driverCpuPct}%)`);
  result.ceilingLarge = await ceiling(opts, agent, LARGE_BODY_BYTES);
  log(`ceiling with a ${LARGE_BODY_BYTES}-byte body: ${result.ceilingLarge!.reqPerSec} req/s (server CPU ${result.ceilingLarge!.serverCpuPct}%, driver CPU ${result.ceilingLarge!.driverCpuPct}%)`);
  const startup = await sampleStartup(STARTUP_RUNS, agent, log);
  result.startup = { runs: startup.runs, medians: startup.medians, ratio: startup.ratio };
  result.targets.push(await benchTarget("ecs-local", opts, agent));
  if (opts.persist) {
    // The same build with a state directory against a fresh one in memory, in alternating windows
    // of the phases that write, so that both meet the same load.
    const dir = mkdtempSync(join(tmpdir(), "ecs-local-bench-state-"));
    try {
      const { rows, sdk } = await compareAb({ a: opts.bin, bArgs: ["--state-dir", dir], writesOnly: true, rounds: PERSIST_ROUNDS, windowMs: 1000, concurrency: opts.concurrency }, agent, log);
      result.persistence = { rows, sdk, rounds: PERSIST_ROUNDS, windowMs: 1000 };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else log("the state-directory run skipped (--no-persist)");
  if (opts.moto && motoCommand()) result.targets.push(await benchTarget("moto", opts, agent));
  else log(opts.moto ? "moto_server is not on PATH: moto skipped" : "moto skipped (--no-moto)");
  // Real containers: quick (a few seconds), so every full run has them, or says why not.
  const docker = opts.only ? undefined : await runDocker(opts.dockerRuns, agent, log, false);
  if (docker) result.docker = docker;
  const md = markdown(result) + (docker ? `\n${dockerMarkdown(docker)}` : "");
  const stamp = result.date.slice(0, 16).replace(/:/g, "-");
  // A run cut down to some phases, or shortened, is for looking into something, not the record.
  const full = !opts.only && !opts.bin && opts.persist && opts.phaseMs === 5000 && opts.warmupMs === 1000 && opts.concurrency === 16;
  const files = writeResults(full ? `run-${stamp}` : "partial-latest", result, md);
  if (full) writeResults("latest", result, md);
  process.stdout.write(md);
  log(`wrote ${files.json} and ${files.md}${full ? " (and latest.*)" : ""} in ${Math.round((performance.now() - started) / 1000)} s`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
