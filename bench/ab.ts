// npm run bench -- --versus PATH [--bin PATH] [--phase NAME] [--rounds 4] [--duration 1]: two builds
// of ecs-local side by side, each phase measured in short windows that alternate between them (the
// other stopped meanwhile), so that a shared machine's load falls on both alike. Per phase: each
// build's server CPU per unit and throughput (medians over the windows), B's CPU per unit as a share
// of A's, and each build's p50 and p99 over all its windows' units together (a window of 1 s holds
// too few units for a p99 of its own).
// `--versus-state-dir` instead: the same build in memory (A) and with a state directory (B).
import { collectDriverGarbage } from "./driverGc.js";
import { Driver, median, percentile, runLoad } from "./driver.js";
import { syntheticInstances } from "./motoEc2.js";
import { writeResults } from "./results.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, cpuSecondsOf, launch, REGION, useBin, type Target } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { companionPhases } from "./companions.js";
import { elbv2Phases } from "./elbv2.js";
import { queryPhases } from "./queryWorkload.js";
import { sdkCheck, type SdkCheck } from "./sdkcheck.js";
import { DEFAULT_SIZES, phases, setup, type Bench, type Phase, type SetupReport } from "./workload.js";

export interface AbOptions {
  /** The build measured as A (the package's bin unless given). */
  a?: string;
  /** B's build; A's when undefined (then B differs by its arguments). */
  b?: string;
  /** B's own server arguments (a state directory). */
  bArgs?: string[];
  /** Node's flags for B (a V8 setting to try against the same build without it). */
  bNodeFlags?: string[];
  only?: string;
  /** Only the phases whose requests change state (the state-directory comparison). */
  writesOnly?: boolean;
  rounds: number;
  windowMs: number;
  concurrency: number;
}

interface Side {
  label: string;
  bench: Bench;
  phases: Phase[];
}

/** One phase measured on both sides: medians over the windows. */
export interface AbRow {
  name: string;
  unit: string;
  a: SideStats;
  b: SideStats;
}

interface SideStats {
  unitsPerSec: number;
  cpuUsPerUnit: number;
  windows: number;
  p50Ms: number;
  p99Ms: number;
}

interface Window {
  units: number;
  cpuUs: number;
  seconds: number;
  latencies: number[];
}

async function side(label: string, bin: string | undefined, agent: UserAgent, concurrency: number, serverArgs: string[] = [], nodeFlags: string[] = []): Promise<{ side: Side; target: Target }> {
  useBin(bin);
  const target = await launch("ecs-local", agent, nodeFlags, serverArgs);
  const bench: Bench = { driver: new Driver(target.origin, concurrency), wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: syntheticInstances(128) };
  const report: SetupReport = await setup(bench, DEFAULT_SIZES);
  const list = [...phases(() => report, DEFAULT_SIZES, () => bench), ...queryPhases(() => bench), ...elbv2Phases(() => bench), ...companionPhases(() => bench)];
  return { side: { label, bench, phases: list }, target };
}

/**
 * Only `s`'s server runs (every one, without `s`): the other is stopped (SIGSTOP) for the window. Work a server does in the
 * background (a state directory's snapshot builds and checkpoints, the JIT's and the collector's
 * threads) otherwise ran on through the other side's windows, slowing that side and showing in
 * neither's CPU: a build of seconds was charged half to the server without a state directory.
 * What a stopped server's timers held back runs when it continues, in its own window.
 */
function runOnly(s: Side | undefined, all: Side[]): void {
  for (const t of all) process.kill(t.bench.target.pid, !s || t === s ? "SIGCONT" : "SIGSTOP");
}

async function window(s: Side, phase: Phase, opts: AbOptions, next: { i: number }, all: Side[]): Promise<Window> {
  runOnly(s, all);
  const pid = s.bench.target.pid;
  const cpu0 = cpuSecondsOf(pid);
  // Each window (the warm-up and every round) gets an equal share of the units a phase has room
  // for (its requests built ahead, its cluster's capacity): a fast build must not use them all up
  // in its first windows and leave the other side's, or its own later ones, with nothing.
  const share = Math.max(1, Math.floor(phase.maxOps / (opts.rounds + 1)));
  const r = await runLoad({ concurrency: opts.concurrency, durationMs: opts.windowMs, maxOps: Math.min(share, phase.maxOps - next.i), op: () => phase.op(s.bench, next.i++) });
  const cpuUs = (cpuSecondsOf(pid) - cpu0) * 1e6;
  runOnly(undefined, all);
  return { units: r.ops - r.errors, cpuUs, seconds: r.elapsedMs / 1000, latencies: r.latencies };
}

/** Measures each phase on two servers in alternating windows; B gets the SDK correctness pass after. */
export async function compareAb(opts: AbOptions, agent: UserAgent, log: (line: string) => void): Promise<{ rows: AbRow[]; bName: string; sdk: SdkCheck[] }> {
  const a = await side("A", opts.a, agent, opts.concurrency);
  const b = await side("B", opts.b ?? opts.a, agent, opts.concurrency, opts.bArgs, opts.bNodeFlags);
  const bName = `${opts.bNodeFlags?.length ? `node ${opts.bNodeFlags.join(" ")} ` : ""}${opts.b ?? opts.a ?? "the package's bin"}${opts.bArgs?.length ? ` ${opts.bArgs.join(" ")}` : ""}`;
  log(`A: ${opts.a ?? "the package's bin"} (pid ${a.target.pid}); B: ${bName} (pid ${b.target.pid})`);
  const sides = [a.side, b.side];
  const rows: AbRow[] = [];
  let sdk: SdkCheck[] = [];
  try {
    for (let p = 0; p < a.side.phases.length; p++) {
      const [pa, pb] = [a.side.phases[p], b.side.phases[p]];
      if (opts.only && !opts.only.toLowerCase().split("|").some((w) => pa.name.toLowerCase().includes(w))) continue;
      if (opts.writesOnly && !pa.writes) continue;
      await pa.prepare(a.side.bench);
      await pb.prepare(b.side.bench);
      const na = { i: 0 };
      const nb = { i: 0 };
      // A warm-up window each, not counted; then the rounds, each starting with the other build.
      await window(a.side, pa, opts, na, sides);
      await window(b.side, pb, opts, nb, sides);
      const wa: Window[] = [];
      const wb: Window[] = [];
      for (let r = 0; r < opts.rounds; r++) {
        const order = r % 2 ? ([[b.side, pb, nb, wb], [a.side, pa, na, wa]] as const) : ([[a.side, pa, na, wa], [b.side, pb, nb, wb]] as const);
        for (const [s, phase, next, out] of order) {
          // Units are bounded as in the full run (requests built ahead): a phase stops where it runs out.
          if (next.i >= phase.maxOps) continue;
          out.push(await window(s, phase, opts, next, sides));
        }
      }
      pa.done?.();
      pb.done?.();
      collectDriverGarbage();
      const stats = (ws: Window[]): SideStats => {
        const ok = ws.filter((w) => w.units > 0);
        const latencies = ok.flatMap((w) => w.latencies).sort((x, y) => x - y);
        return { unitsPerSec: median(ok.map((w) => w.units / w.seconds)), cpuUsPerUnit: median(ok.map((w) => w.cpuUs / w.units)), windows: ok.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
      };
      const row: AbRow = { name: pa.name, unit: pa.unit, a: stats(wa), b: stats(wb) };
      log(`${row.name}: A ${Math.round(row.a.unitsPerSec)} units/s ${Math.round(row.a.cpuUsPerUnit)} µs/unit p99 ${row.a.p99Ms.toFixed(2)} ms, B ${Math.round(row.b.unitsPerSec)} units/s ${Math.round(row.b.cpuUsPerUnit)} µs/unit p99 ${row.b.p99Ms.toFixed(2)} ms`);
      rows.push(row);
    }
    sdk = await sdkCheck(b.target, b.side.bench.instanceIds);
  } finally {
    runOnly(undefined, sides);
    for (const s of [a, b]) {
      await s.side.bench.driver.close();
      await s.target.stop();
    }
  }
  return { rows, bName, sdk };
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : "–");

export async function runAb(opts: AbOptions, agent: UserAgent, log: (line: string) => void): Promise<void> {
  const { rows, bName } = await compareAb(opts, agent, log);
  const md = [
    `A/B of ${new Date().toISOString()}: A = ${opts.a ?? "the package's bin"}, B = ${bName}; windows of ${opts.windowMs / 1000} s alternating, ${opts.rounds} rounds, concurrency ${opts.concurrency}; medians over the windows.`,
    "",
    "| Phase | A units/s | A server CPU µs / unit | A p50 / p99 ms | B units/s | B server CPU µs / unit | B p50 / p99 ms | B's CPU per unit as a share of A's | windows A / B |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.a.unitsPerSec)} | ${fmt(r.a.cpuUsPerUnit)} | ${ms(r.a.p50Ms)} / ${ms(r.a.p99Ms)} | ${fmt(r.b.unitsPerSec)} | ${fmt(r.b.cpuUsPerUnit)} | ${ms(r.b.p50Ms)} / ${ms(r.b.p99Ms)} | ${((r.b.cpuUsPerUnit / r.a.cpuUsPerUnit) * 100).toFixed(0)}% | ${r.a.windows} / ${r.b.windows} |`),
    "",
  ].join("\n");
  writeResults("ab-latest", { a: opts.a, b: bName, rows }, md);
  process.stdout.write(md);
}
