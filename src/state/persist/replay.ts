// Replay: a start installs the newest snapshot it can use, then runs the journal's entries after it
// against the fresh services on a clock held at each entry's moment, then (a server, not a snapshot
// builder) walks the clock through the downtime. A snapshot builder (snapshotWorker.ts) does the
// same off the main thread and writes down the state it reached.
import type { Timeline } from "../../engine/timeline.js";
import type { Logger } from "../../log.js";
import type { RequestContext } from "../../protocol/context.js";
import type { ServedService } from "../../protocol/service.js";
import type { TaskRun } from "../../runtime/runtime.js";
import type { Registry } from "../../services/registry.js";
import { decode } from "./codec.js";
import type { Entry } from "./journal.js";
import type { OpenedState, PersistentClock } from "./open.js";
import { UNPACED, type Pace } from "./pacer.js";
import { HandedRuns, ReplayRuntime } from "./runtimeJournal.js";
import { captureSnapshot, installSnapshot, type SnapshotExtra } from "./snapshot.js";

/** What replay needs of the server (or of a snapshot builder). */
export interface ReplayOptions {
  opened: OpenedState;
  registry: Registry;
  timeline: Timeline;
  clock: PersistentClock;
  logger: Logger;
  /** Forgets all state, as the app's reset does. */
  resetAll(): void;
}

/** With real containers, the tasks handed to the runtime: saved from `handed()`, restored into the replay runtime. */
export function snapshotExtra(registry: Registry, replaying: ReplayRuntime | undefined, handed: () => HandedRuns): Record<string, SnapshotExtra> {
  if (!replaying) return {};
  return { runtime: { save: () => handed().live(), load: (runs) => replaying.restore(runs as Map<string, TaskRun>, (run) => registry.taskEvents(run)) } };
}

interface SavedIds {
  save(): string;
  load(saved: string): void;
}

/** Every service's own id source, by its backend's name: what a reset does not forget. */
export function idSources(registry: Registry): Map<string, SavedIds> {
  const out = new Map<string, SavedIds>();
  for (const [name, backend] of Object.entries(registry.backends)) {
    const ids = (backend as { ids?: Partial<SavedIds> }).ids;
    if (typeof ids?.save === "function" && typeof ids.load === "function") out.set(name, ids as SavedIds);
  }
  return out;
}

/** ECS's id source, whose position tells whether a replay ended where the run did. */
export function idSourceOf(registry: Registry): SavedIds | undefined {
  return idSources(registry).get("ecs");
}

/**
 * Installs the newest snapshot this build can use (an older one when it cannot), or none: the journal
 * then replays from its start. A snapshot that fails half-way is undone (state forgotten, ids back).
 */
export function restoreSnapshot(o: ReplayOptions, extra: Record<string, SnapshotExtra>): { seq: number; at: number } | undefined {
  const { journal } = o.opened;
  const sources = idSources(o.registry);
  for (const { seq } of o.opened.journal.snapshots()) {
    const before = new Map([...sources].map(([name, source]) => [name, source.save()]));
    try {
      const data = journal.snapshotData(seq)!;
      const { at } = installSnapshot(data, o.registry, o.timeline, extra);
      return { seq, at };
    } catch (e) {
      o.logger.warn(`the snapshot at entry ${seq} cannot be used (${(e as Error).message}): replaying the journal instead`, { file: journal.file });
      o.resetAll();
      for (const [name, saved] of before) sources.get(name)!.load(saved);
    }
  }
  return undefined;
}

/**
 * Runs the journal's entries after `restored` (or from the last reset); with `downtime`, then the
 * timers that fell due while the server was down, committed as ticks. Answers the clock and the
 * sequence number the state stands at.
 */
export function replayJournal(o: ReplayOptions, invokers: Map<ServedService, ServedService["invoke"]>, runtime: ReplayRuntime | undefined, restored: { seq: number; at: number } | undefined, downtime: boolean, pace: Pace = UNPACED): { last: number; seq: number; count: number } {
  const { journal } = o.opened;
  const { timeline, clock, logger } = o;
  const services = new Map<string, ServedService>(o.registry.all.map((s) => [s.name, s]));
  let count = 0;
  let last = 0;
  let seq = restored?.seq ?? 0;
  const started = Date.now();
  try {
    // The journal starts at the last reset: from where the clock and the ids stood then.
    const base = journal.meta("base");
    if (restored) {
      last = restored.at;
      clock.hold(last);
    } else if (base) {
      const { at, ids } = JSON.parse(base) as { at: number; ids: Record<string, string> };
      last = at;
      clock.hold(last);
      const sources = idSources(o.registry);
      for (const [name, saved] of Object.entries(ids)) sources.get(name)?.load(saved);
    }
    for (const e of journal.entries(seq)) {
      pace.step();
      count++;
      seq = e.seq;
      last = Math.max(last, e.at);
      clock.hold(last);
      if (e.kind === "reset") {
        o.resetAll();
        continue;
      }
      timeline.runDue();
      if (e.kind === "event") runtime?.apply(e, o.registry.sink);
      if (e.kind !== "op") continue;
      const service = services.get(e.service!);
      if (!service) throw new Error(`entry ${e.seq} is for a service this ecs-local does not serve: ${e.service}`);
      try {
        const out = invokers.get(service)!(e.operation!, decode(e.input!) as Record<string, unknown>, JSON.parse(e.context!) as RequestContext);
        if (out instanceof Promise) out.catch(() => {});
      } catch {
        // It failed when it ran, and fails again: the error was the answer then, and changes nothing.
      }
    }
    if (!downtime) return { last, seq, count };
    const stored = journal.meta("ids");
    const ids = idSourceOf(o.registry);
    if (stored && ids && stored.startsWith(`${journal.lastSeq()}:`) && `${journal.lastSeq()}:${ids.save()}` !== stored) {
      logger.warn("the replayed state differs from the one stored (the id source ended elsewhere); ids stay unique, but some state may differ", { file: journal.file });
    }
    // The downtime: due work runs at the moments it was due, as if the server had been up.
    const now = Date.now();
    const ticks: Entry[] = [];
    for (let at = timeline.nextAt(); at <= now; at = timeline.nextAt()) {
      last = Math.max(last, at);
      clock.hold(last);
      if (timeline.runDue()) ticks.push({ kind: "tick", at: last });
    }
    if (ticks.length) journal.commit(ticks);
  } catch (e) {
    journal.close();
    throw e;
  } finally {
    clock.release();
  }
  if (count || restored) logger.info(`state restored from ${journal.file}`, { snapshot: restored?.seq ?? 0, entries: count, ms: Date.now() - started });
  return { last, seq, count };
}

/**
 * A copy of the state that follows the journal, as a snapshot builder keeps it: the first snapshot
 * installs the newest stored one and runs the entries after it; each later one runs only the entries
 * since the last, on the state it left (nothing is journaled, no downtime is walked). Installing a
 * large snapshot again for every build was a third of the builder's work.
 */
export class JournalFollower {
  private readonly replaying: ReplayRuntime | undefined;
  private readonly extra: Record<string, SnapshotExtra>;
  private readonly invokers: Map<ServedService, ServedService["invoke"]>;
  /** Where the copy stands (undefined: nothing installed or run yet). */
  private reached: { seq: number; at: number } | undefined;

  constructor(private readonly o: ReplayOptions) {
    const real = o.registry.runtime();
    const replaying = (this.replaying = real.kind === "simulated" ? undefined : new ReplayRuntime(real));
    if (replaying) o.registry.useRuntime(replaying);
    this.extra = snapshotExtra(o.registry, replaying, () => replaying!.handed);
    this.invokers = new Map(o.registry.all.map((s) => [s, s.invoke.bind(s)]));
  }

  /**
   * Brings the copy to the journal's last entry (call it inside one read transaction of the journal);
   * `replayed`: the journal entries this one ran (every one since the stored snapshot, for the first).
   */
  follow(pace: Pace = UNPACED): { seq: number; at: number; replayed: number } {
    const { o } = this;
    // A reset empties the journal (no seq is used twice): a copy made before it starts over.
    if (this.reached && this.reached.seq > 0 && !o.opened.journal.hasEntry(this.reached.seq)) {
      o.resetAll();
      this.reached = undefined;
    }
    const from = this.reached ?? restoreSnapshot(o, this.extra);
    const { last, seq, count } = replayJournal(o, this.invokers, this.replaying, from, false, pace);
    this.reached = { seq, at: last };
    return { seq, at: last, replayed: count };
  }

  /**
   * The copy as it stands, written down (after follow). It reads nothing of the journal, so it runs
   * outside the read transaction: a paced build would otherwise hold the log's copying back for
   * longer than its replay, and the log would grow meanwhile.
   */
  capture(pace: Pace = UNPACED): Uint8Array {
    return captureSnapshot(this.o.registry, this.o.timeline, this.reached?.at ?? 0, this.extra, pace);
  }
}
