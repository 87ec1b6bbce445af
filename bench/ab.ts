// npm run bench -- --versus PATH [--bin PATH] [--phase NAME] [--rounds 4] [--duration 1]: two builds
// of ecs-local side by side, each phase measured in short windows that alternate between them, so
// that a shared machine's load falls on both alike. Per phase: each build's server CPU per unit and
// throughput (medians over the windows), and B's CPU per unit as a share of A's.
// `--versus-state-dir` instead: the same build in memory (A) and with a state directory (B).
import { Driver, runLoad } from "./driver.js";
import { syntheticInstances } from "./motoEc2.js";
import { writeResults } from "./results.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, cpuSecondsOf, launch, REGION, useBin, type Target } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { companionPhases } from "./companions.js";
import { elbv2Phases } from "./elbv2.js";
import { queryPhases } from "./queryWorkload.js";
import { DEFAULT_SIZES, phases, setup, type Bench, type Phase, type SetupReport } from "./workload.js";

export interface AbOptions {
  /** The build measured as A (the package's bin unless given). */
  a?: string;
  /** B's build; A's when undefined (then B differs by its arguments). */
  b?: string;
  /** B's own server arguments (a state directory). */
  bArgs?: string[];
  only?: string;
  rounds: number;
  windowMs: number;
  concurrency: number;
}

interface Side {
  label: string;
  bench: Bench;
  phases: Phase[];
}

interface Window {
  units: number;
  cpuUs: number;
  seconds: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function side(label: string, bin: string | undefined, agent: UserAgent, concurrency: number, serverArgs: string[] = []): Promise<{ side: Side; target: Target }> {
  useBin(bin);
  const target = await launch("ecs-local", agent, [], serverArgs);
  const bench: Bench = { driver: new Driver(target.origin, concurrency), wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: syntheticInstances(128) };
  const report: SetupReport = await setup(bench, DEFAULT_SIZES);
  const list = [...phases(() => report, DEFAULT_SIZES, () => bench), ...queryPhases(() => bench), ...elbv2Phases(() => bench), ...companionPhases(() => bench)];
  return { side: { label, bench, phases: list }, target };
}

async function window(s: Side, phase: Phase, opts: AbOptions, next: { i: number }): Promise<Window> {
  const pid = s.bench.target.pid;
  const cpu0 = cpuSecondsOf(pid);
  const r = await runLoad({ concurrency: opts.concurrency, durationMs: opts.windowMs, maxOps: Number.MAX_SAFE_INTEGER, op: () => phase.op(s.bench, next.i++) });
  return { units: r.ops - r.errors, cpuUs: (cpuSecondsOf(pid) - cpu0) * 1e6, seconds: r.elapsedMs / 1000 };
}

export async function runAb(opts: AbOptions, agent: UserAgent, log: (line: string) => void): Promise<void> {
  const a = await side("A", opts.a, agent, opts.concurrency);
  const b = await side("B", opts.b ?? opts.a, agent, opts.concurrency, opts.bArgs);
  const bName = `${opts.b ?? opts.a ?? "the package's bin"}${opts.bArgs?.length ? ` ${opts.bArgs.join(" ")}` : ""}`;
  log(`A: ${opts.a ?? "the package's bin"} (pid ${a.target.pid}); B: ${bName} (pid ${b.target.pid})`);
  const rows: string[] = [];
  try {
    for (let p = 0; p < a.side.phases.length; p++) {
      const [pa, pb] = [a.side.phases[p], b.side.phases[p]];
      if (opts.only && !opts.only.toLowerCase().split("|").some((w) => pa.name.toLowerCase().includes(w))) continue;
      await pa.prepare(a.side.bench);
      await pb.prepare(b.side.bench);
      const na = { i: 0 };
      const nb = { i: 0 };
      // A warm-up window each, not counted; then the rounds, each starting with the other build.
      await window(a.side, pa, opts, na);
      await window(b.side, pb, opts, nb);
      const wa: Window[] = [];
      const wb: Window[] = [];
      for (let r = 0; r < opts.rounds; r++) {
        const order = r % 2 ? ([["B", b.side, pb, nb, wb], ["A", a.side, pa, na, wa]] as const) : ([["A", a.side, pa, na, wa], ["B", b.side, pb, nb, wb]] as const);
        for (const [, s, phase, next, out] of order) {
          // Units are bounded as in the full run (requests built ahead): a phase stops where it runs out.
          if (next.i >= phase.maxOps) continue;
          out.push(await window(s, phase, opts, next));
        }
      }
      pa.done?.();
      pb.done?.();
      const cpu = (ws: Window[]) => median(ws.filter((w) => w.units > 0).map((w) => w.cpuUs / w.units));
      const rate = (ws: Window[]) => median(ws.filter((w) => w.units > 0).map((w) => w.units / w.seconds));
      const [ca, cb] = [cpu(wa), cpu(wb)];
      const line = `| ${pa.name} | ${Math.round(rate(wa)).toLocaleString("en-US")} | ${Math.round(ca).toLocaleString("en-US")} | ${Math.round(rate(wb)).toLocaleString("en-US")} | ${Math.round(cb).toLocaleString("en-US")} | ${((cb / ca) * 100).toFixed(0)}% | ${wa.length} / ${wb.length} |`;
      log(line);
      rows.push(line);
    }
  } finally {
    for (const s of [a, b]) {
      await s.side.bench.driver.close();
      await s.target.stop();
    }
  }
  const md = [
    `A/B of ${new Date().toISOString()}: A = ${opts.a ?? "the package's bin"}, B = ${bName}; windows of ${opts.windowMs / 1000} s alternating, ${opts.rounds} rounds, concurrency ${opts.concurrency}; medians over the windows.`,
    "",
    "| Phase | A units/s | A server CPU µs / unit | B units/s | B server CPU µs / unit | B's CPU per unit as a share of A's | windows A / B |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...rows,
    "",
  ].join("\n");
  writeResults("ab-latest", { a: opts.a, b: bName, rows }, md);
  process.stdout.write(md);
}
