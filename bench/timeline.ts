// npm run build && node dist/bench/timeline.js [--phase "a|b"] [--bucket 100] [--state-dir] [-- node flags for the server…]
//
// Where in a phase its slow units fall. The bench's setup and phases against one ecs-local, each
// phase with the bench's budgets (a warm-up of 1 s or a tenth of its units, then 5 s or the rest),
// every unit's start and latency kept; for the phases asked for, per slice of time: units finished,
// their p99, and the milliseconds the server's collector held its thread (a PerformanceObserver the
// server loads with --require). A p99 made in a phase's first few hundred milliseconds (the JIT still
// compiling the phase's code) reads differently from one made by pauses spread through it.
import { collectDriverGarbage } from "./driverGc.js";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { Driver, percentile } from "./driver.js";
import { sdkUserAgent } from "./fidelity.js";
import { syntheticInstances } from "./motoEc2.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, launch, REGION } from "./targets.js";
import { EcsWire } from "./wire.js";
import { companionPhases } from "./companions.js";
import { elbv2Phases } from "./elbv2.js";
import { queryPhases } from "./queryWorkload.js";
import { DEFAULT_SIZES, phases, setup, type Bench, type Phase } from "./workload.js";

const CONCURRENCY = 16;
const WARMUP_MS = 1000;
const PHASE_MS = 5000;

/** Loaded by the server (--require): its GC pauses, on the wall clock the driver's times use. */
const GC_OBSERVER = `
const { PerformanceObserver, performance } = require("node:perf_hooks");
const pauses = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) pauses.push([performance.timeOrigin + e.startTime, e.duration, e.detail?.kind ?? 0]); }).observe({ entryTypes: ["gc"] });
process.on("exit", () => require("node:fs").writeFileSync(process.env.ECS_LOCAL_TIMELINE_GC, JSON.stringify(pauses)));
`;

/** The server's CPU as /proc counts it (clock ticks): its main thread's, and all its threads'. */
interface CpuSample {
  at: number;
  main: number;
  all: number;
}

/** /proc counts CPU in clock ticks of 1/USER_HZ s: 10 ms on Linux. */
const TICK_MS = 10;
/** How often the server's CPU is sampled. */
const SAMPLE_MS = 10;

function ticks(statFile: string): number {
  // Fields 14 and 15 (utime, stime), counted after the command's closing parenthesis.
  const f = readFileSync(statFile, "utf8").split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]);
}

/** Samples the server's CPU every 10 ms, and the driver's own collections: what a slow slice had on each side. */
function watch(pid: number): { cpu: CpuSample[]; driverGc: [number, number][]; stop(): void } {
  const cpu: CpuSample[] = [];
  const driverGc: [number, number][] = [];
  const timer = setInterval(() => {
    try {
      cpu.push({ at: performance.timeOrigin + performance.now(), main: ticks(`/proc/${pid}/task/${pid}/stat`), all: ticks(`/proc/${pid}/stat`) });
    } catch {
      // The server has gone (its stop): nothing more to sample.
    }
  }, SAMPLE_MS);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) driverGc.push([performance.timeOrigin + e.startTime, e.duration]);
  });
  observer.observe({ entryTypes: ["gc"] });
  return { cpu, driverGc, stop: () => (clearInterval(timer), observer.disconnect()) };
}

interface Unit {
  /** Wall-clock ms at its start. */
  at: number;
  ms: number;
}

function args(): { only: string[]; bucketMs: number; stateDir: boolean; nodeFlags: string[] } {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dash = argv.indexOf("--");
  return {
    only: (value("--phase") ?? "").toLowerCase().split("|").filter(Boolean),
    bucketMs: Number(value("--bucket") ?? 100),
    // A server with a state directory: its journal's commits and snapshot builds in the same slices.
    stateDir: argv.includes("--state-dir"),
    nodeFlags: dash >= 0 ? argv.slice(dash + 1) : [],
  };
}

/** Runs units until the time or the count is spent; each unit's start and latency. */
async function load(b: Bench, phase: Phase, from: number, count: number, ms: number): Promise<{ units: Unit[]; next: number }> {
  const units: Unit[] = [];
  const deadline = performance.now() + ms;
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < from + count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const out = await phase.op(b, i);
      if (!out.error) units.push({ at: performance.timeOrigin + t0, ms: performance.now() - t0 });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { units, next };
}

/** perf_hooks' kinds of collection (its constants NODE_PERFORMANCE_GC_*). */
const GC_KINDS: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: "minor", [constants.NODE_PERFORMANCE_GC_MAJOR]: "major", [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental", [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks" };

function report(name: string, warm: Unit[], measured: Unit[], pauses: [number, number, number][], bucketMs: number, seen: ReturnType<typeof watch>): string[] {
  const p = (units: Unit[], q: number) => percentile(units.map((u) => u.ms).sort((x, y) => x - y), q);
  // Units are kept in the order they finish: the first to start is not the first kept.
  const start = measured.reduce((m, u) => Math.min(m, u.at), measured[0]?.at ?? 0);
  const end = measured.reduce((m, u) => Math.max(m, u.at + u.ms), start);
  const half = measured.filter((u) => u.at >= start + (end - start) / 2);
  const lines = [
    `${name}: warm-up ${warm.length} units; measured ${measured.length} units in ${Math.round(end - start)} ms from ${Math.round(start)} (wall clock, ms), p50 ${p(measured, 50).toFixed(2)} ms, p99 ${p(measured, 99).toFixed(2)} ms (its second half alone: p99 ${p(half, 99).toFixed(2)} ms)`,
  ];
  const buckets = new Map<number, number[]>();
  for (const u of measured) {
    const k = Math.floor((u.at - start) / bucketMs);
    buckets.set(k, [...(buckets.get(k) ?? []), u.ms]);
  }
  const gc = new Map<number, number>();
  for (const [at, ms] of pauses) if (at >= start && at <= end) gc.set(Math.floor((at - start) / bucketMs), (gc.get(Math.floor((at - start) / bucketMs)) ?? 0) + ms);
  const cells = [...buckets.entries()].sort(([a], [b]) => a - b).map(([k, v]) => `${v.length}:${percentile(v.sort((x, y) => x - y), 99).toFixed(1)}/${(gc.get(k) ?? 0).toFixed(0)}`);
  lines.push(`  per ${bucketMs} ms (units : p99 ms / GC ms): ${cells.join(" ")}`);
  // The server's CPU in each slice, from the samples either side of it: its main thread's and its other threads' (V8's
  // compilers and markers, libuv's pool), in % of a core; and the driver's own collections (ms).
  const cpuAt = (at: number): CpuSample | undefined => seen.cpu.find((c) => c.at >= at);
  const slices = [...buckets.keys()].sort((a, b) => a - b).map((k) => {
    const from = cpuAt(start + k * bucketMs);
    const to = cpuAt(start + (k + 1) * bucketMs);
    const dgc = seen.driverGc.filter(([at]) => at >= start + k * bucketMs && at < start + (k + 1) * bucketMs).reduce((n, [, ms]) => n + ms, 0);
    if (!from || !to || to.at === from.at) return "?";
    const pct = (t: number) => Math.round(((t * TICK_MS) / (to.at - from.at)) * 100);
    return `${pct(to.main - from.main)}/${pct(to.all - from.all - (to.main - from.main))}/${dgc.toFixed(0)}`;
  });
  lines.push(`  per ${bucketMs} ms (server main thread CPU % / its other threads % / driver GC ms): ${slices.join(" ")}`);
  const majors = pauses.filter(([at, , kind]) => at >= start && at <= end && kind === constants.NODE_PERFORMANCE_GC_MAJOR);
  lines.push(`  major collections: ${majors.length} (at ms: pause ms) ${majors.map(([at, ms]) => `${Math.round(at - start)}: ${ms.toFixed(1)}`).join(", ")}`);
  const long = pauses.filter(([at, ms]) => at >= start && at <= end && ms >= 5);
  if (long.length) lines.push(`  collections of 5 ms or more (at ms: length ms, kind): ${long.map(([at, ms, kind]) => `${Math.round(at - start)}: ${ms.toFixed(1)} ${GC_KINDS[kind] ?? kind}`).join(", ")}`);
  return lines;
}

async function main(): Promise<void> {
  const { only, bucketMs, stateDir, nodeFlags } = args();
  const dir = mkdtempSync(join(tmpdir(), "ecs-local-timeline-"));
  const observer = join(dir, "gc.cjs");
  writeFileSync(observer, GC_OBSERVER);
  process.env.ECS_LOCAL_TIMELINE_GC = join(dir, "gc.json");
  const agent = await sdkUserAgent();
  const target = await launch("ecs-local", agent, ["--require", observer, ...nodeFlags], stateDir ? ["--state-dir", join(dir, "state")] : []);
  const driver = new Driver(target.origin, CONCURRENCY);
  const b: Bench = { driver, wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: syntheticInstances(64) };
  const kept: { name: string; warm: Unit[]; measured: Unit[] }[] = [];
  const seen = watch(target.pid);
  try {
    const report0 = await setup(b, DEFAULT_SIZES);
    for (const phase of [...phases(() => report0, DEFAULT_SIZES, () => b), ...queryPhases(() => b), ...elbv2Phases(() => b), ...companionPhases(() => b)]) {
      await phase.prepare(b);
      // The bench's budgets: the warm-up ends at 1 s or a tenth of the phase's units, whichever comes first.
      const warm = await load(b, phase, 0, Math.floor(phase.maxOps / 10), WARMUP_MS);
      const measured = await load(b, phase, warm.next, phase.maxOps - warm.next, PHASE_MS);
      phase.done?.();
      collectDriverGarbage();
      if (only.length === 0 || only.some((w) => phase.name.toLowerCase().includes(w))) kept.push({ name: phase.name, warm: warm.units, measured: measured.units });
    }
  } finally {
    seen.stop();
    await driver.close();
    await target.stop();
  }
  // A server killed at its stop (one with a large state writes its snapshot first, past stop()'s
  // 3 s) leaves no record of its pauses: the units are still worth printing.
  const gcFile = process.env.ECS_LOCAL_TIMELINE_GC;
  const pauses = existsSync(gcFile) ? (JSON.parse(readFileSync(gcFile, "utf8")) as [number, number, number][]) : [];
  if (!existsSync(gcFile)) console.log("(the server ended before writing its GC pauses: the GC column reads 0)");
  rmSync(dir, { recursive: true, force: true });
  for (const k of kept) for (const line of report(k.name, k.warm, k.measured, pauses, bucketMs, seen)) console.log(line);
}

await main();
