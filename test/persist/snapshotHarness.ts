// Snapshot tests' common part: a workload runs in two halves on a server with a state directory, a
// snapshot is written between them (and another at the clean stop); then two copies of the directory
// start side by side, one from the middle snapshot and the journal's tail, one from the whole journal,
// and their whole state graphs (stores, id positions, pending timers with due times and order) must be
// the same bytes: right after the start, and again after both clocks move on.
import { cpSync } from "node:fs";
import { expect, vi } from "vitest";
import { createApp, type EcsLocal } from "../../src/app.js";
import type { EcsLocalServer } from "../../src/server.js";
import { createLogger } from "../../src/log.js";
import { Journal } from "../../src/state/persist/journal.js";
import type { PersistentClock } from "../../src/state/persist/persistence.js";
import { captureSnapshot, readSnapshot } from "../../src/state/persist/snapshot.js";
import type { StateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

export const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);

export interface SnapshotWorkload {
  first(s: EcsLocalServer): Promise<void>;
  second(s: EcsLocalServer): Promise<void>;
  /** How far both restarted servers' clocks move before the second comparison. */
  advanceMs: number;
  config?: Record<string, unknown>;
}

export function copyDir(from: string, prefix: string): string {
  const to = tempDir(prefix);
  cpSync(from, to, { recursive: true });
  return to;
}

/** Keeps only the snapshots `keep` says (none: the start replays the whole journal). */
export function keepSnapshots(dir: string, keep: (seq: number, newest: number) => boolean): void {
  const j = Journal.open(dir);
  const all = j.snapshots();
  for (const { seq } of all) if (!keep(seq, all[0].seq)) j.dropSnapshot(seq);
  j.close();
}

async function startCopy(dir: string, lines: string[], config: Record<string, unknown> = {}): Promise<EcsLocal> {
  const logger = createLogger({ level: "info", write: (l) => void lines.push(l) });
  // The same settings as the run that wrote the journal: timings are configuration, not state.
  const app = createApp({ config: { ...config, stateDir: dir, snapshotEvery: 0, validateOutput: true }, logger });
  await app.ready;
  return app;
}

/** The whole state graph as a snapshot holds it, decoded (host objects as tokens' targets, frozen data frozen). */
export function graph(app: EcsLocal): unknown {
  return readSnapshot(captureSnapshot(app.registry, app.timeline, 0), app.registry, app.timeline);
}

/**
 * The graph written out in order, every object once (a second reference is `#n`, so shared objects
 * and cycles count), maps and sets in their order, keys in theirs, `undefined` members kept. Bytes
 * of v8.serialize are not compared as such: a number may be written as an integer or a double.
 */
export function canonical(root: unknown): string {
  const seen = new Map<object, number>();
  const out: string[] = [];
  // Inside frozen data everything is a value: whether records share it or hold copies makes no difference.
  const walk = (v: unknown, value: boolean): void => {
    if (typeof v === "function") return void out.push("fn");
    if (v === null || typeof v !== "object") return void out.push(v === undefined ? "u" : typeof v === "bigint" ? `${v}n` : JSON.stringify(v));
    const id = seen.get(v);
    if (id !== undefined) return void out.push(`#${id}`);
    if (value || Object.isFrozen(v)) ((value = true), out.push("F"));
    else seen.set(v, seen.size);
    if (v instanceof Map) {
      out.push("M(");
      for (const [k, x] of v) (walk(k, value), out.push("=>"), walk(x, value), out.push(","));
    } else if (v instanceof Set) {
      out.push("S(");
      for (const x of v) (walk(x, value), out.push(","));
    } else if (Array.isArray(v)) {
      out.push("[");
      for (let i = 0; i < v.length; i++) (walk(v[i], value), out.push(","));
    } else if (ArrayBuffer.isView(v)) out.push(`B(${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64")}`);
    else if (v instanceof Date) out.push(`D(${v.getTime()}`);
    else {
      out.push("{");
      for (const k of Object.keys(v)) (out.push(JSON.stringify(k), ":"), walk((v as Record<string, unknown>)[k], value), out.push(","));
    }
    out.push(")");
  };
  walk(root, false);
  return out.join("");
}

export function expectSame(ga: unknown, gb: unknown): void {
  // A readable difference first (structural), then the exact order, identities and members.
  expect(gb).toEqual(ga);
  const [ca, cb] = [canonical(ga), canonical(gb)];
  if (ca !== cb) {
    let i = 0;
    while (ca[i] === cb[i]) i++;
    // Where they part, with what comes before it.
    expect(cb.slice(Math.max(0, i - 300), i + 200)).toBe(ca.slice(Math.max(0, i - 300), i + 200));
  }
}

/** Moves a restarted server's clock to `to`, firing due work at the moments it falls due, as a running server would. */
function walk(app: EcsLocal, to: number): void {
  const clock = app.timeline.clock as PersistentClock;
  for (let at = app.timeline.nextAt(); at <= to; at = app.timeline.nextAt()) {
    clock.hold(at);
    app.timeline.runDue();
  }
  clock.hold(to);
  app.timeline.runDue();
  clock.release();
}

export interface SnapshotComparison {
  /** Timers pending right after the restarts (the workload's: the comparison covers them). */
  pendingAtStart: number;
  /** Entries the restart from the middle snapshot replayed. */
  tailLog: string;
}

export async function compareSnapshotRestarts(servers: StateDirServers, w: SnapshotWorkload): Promise<SnapshotComparison> {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
  const dir = tempDir("ecs-local-snap-");
  const s = await servers.start(dir, { snapshotEvery: 0, ...w.config });
  await w.first(s);
  // Why a snapshot was refused, if it was, is the first thing to see.
  expect(() => captureSnapshot(s.local.registry, s.local.timeline, 0)).not.toThrow();
  expect(s.local.snapshot()).toBe(true);
  await w.second(s);
  await s.stop();

  const full = copyDir(dir, "ecs-local-snap-full-");
  const tail = copyDir(dir, "ecs-local-snap-tail-");
  keepSnapshots(full, () => false);
  keepSnapshots(tail, (seq, newest) => seq !== newest);
  const [fullLines, tailLines] = [[] as string[], [] as string[]];
  const a = await startCopy(full, fullLines, w.config);
  const b = await startCopy(tail, tailLines, w.config);
  try {
    const tailLog = tailLines.find((l) => l.includes("state restored")) ?? "";
    expect(tailLog).toMatch(/snapshot[=:"\s]+[1-9]/);
    const pendingAtStart = a.timeline.pendingCount();
    expectSame(graph(a), graph(b));
    const to = Date.now() + w.advanceMs;
    walk(a, to);
    walk(b, to);
    expectSame(graph(a), graph(b));
    return { pendingAtStart, tailLog };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
