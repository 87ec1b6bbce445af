// Snapshot tests' common part: a workload runs in two halves on a server with a state directory, a
// snapshot is written between them (and another at the clean stop); then two copies of the directory
// start side by side, one from the middle snapshot and the journal's tail, one from the whole journal,
// and their whole state graphs (stores, id positions, pending timers with due times and order) must be
// the same bytes: right after the start, and again after both clocks move on.
import { cpSync } from "node:fs";
import { deserialize } from "node:v8";
import { expect, vi } from "vitest";
import { createApp, type EcsLocal } from "../../src/app.js";
import type { EcsLocalServer } from "../../src/server.js";
import { createLogger } from "../../src/log.js";
import { Journal } from "../../src/state/persist/journal.js";
import type { PersistentClock } from "../../src/state/persist/persistence.js";
import { captureSnapshot } from "../../src/state/persist/snapshot.js";
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

function copyDir(from: string, prefix: string): string {
  const to = tempDir(prefix);
  cpSync(from, to, { recursive: true });
  return to;
}

/** Keeps only the snapshots `keep` says (none: the start replays the whole journal). */
function keepSnapshots(dir: string, keep: (seq: number, newest: number) => boolean): void {
  const j = Journal.open(dir);
  const all = j.snapshots();
  for (const { seq } of all) if (!keep(seq, all[0].seq)) j.dropSnapshot(seq);
  j.close();
}

async function startCopy(dir: string, lines: string[]): Promise<EcsLocal> {
  const logger = createLogger({ level: "info", write: (l) => void lines.push(l) });
  const app = createApp({ config: { stateDir: dir, snapshotEvery: 0, validateOutput: true }, logger });
  await app.ready;
  return app;
}

function graph(app: EcsLocal): Buffer {
  return captureSnapshot(app.registry, app.timeline, 0);
}

function expectSame(a: Buffer, b: Buffer): void {
  // A readable difference first (structural), then the bytes themselves.
  if (!a.equals(b)) expect(deserialize(b)).toEqual(deserialize(a));
  expect(a.equals(b)).toBe(true);
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
  const a = await startCopy(full, fullLines);
  const b = await startCopy(tail, tailLines);
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
