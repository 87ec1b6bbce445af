// Persistence by journal: every request that may change state is recorded with the moment it ran,
// and so is every moment the timeline ran due work on its own; a restart replays the journal against
// fresh services on a clock set to those moments, then walks the clock through the downtime. The
// services' code is deterministic given the clock and the seed (every id comes from the seeded id
// source), so replay rebuilds their state and their pending timers (retention, draining, protection,
// anything a service schedules) without a line of per-service code. Entries are committed in one
// transaction per turn of the event loop, and no answer leaves before the commit holding its request.
// With real containers the runtime's reports are entries too (runtimeJournal.ts); a reset empties the
// journal, which then starts from where the clock and the ids stood.
import { randomBytes } from "node:crypto";
import type { Clock } from "../../engine/clock.js";
import type { Timeline } from "../../engine/timeline.js";
import type { Logger } from "../../log.js";
import type { RequestContext } from "../../protocol/context.js";
import { JsonText } from "../../protocol/json.js";
import type { ServedService } from "../../protocol/service.js";
import type { Registry } from "../../services/registry.js";
import { cloneData } from "../clone.js";
import { decode, encode } from "./codec.js";
import { Journal, StateDirError, type Entry } from "./journal.js";
import { RecordingRuntime, recordSink, ReplayRuntime, type RuntimeEntry } from "./runtimeJournal.js";
import { captureSnapshot, installSnapshot, SnapshotRefused, type SnapshotExtra } from "./snapshot.js";
import type { TaskRun } from "../../runtime/runtime.js";

/** Operations that read and never change state: not journaled (they only wait for the pending commit), unless a service names one in `changesState`. */
const READ_ONLY = /^(Describe|List|Get|Filter|Discover)/;

/**
 * The server's clock when state is kept: the wall clock, never earlier than the last moment stored,
 * and frozen for the rest of a turn once a change reads it, so that what is recorded is what ran.
 */
export class PersistentClock implements Clock {
  private frozen: number | undefined;
  private floor = 0;

  now(): number {
    return this.frozen ?? Math.max(Date.now(), this.floor);
  }

  /** Holds the clock at `at` until release (replay). */
  hold(at: number): void {
    this.frozen = at;
    if (at > this.floor) this.floor = at;
  }

  release(): void {
    this.frozen = undefined;
  }

  /** Holds the clock at the current time until the synchronous work of this turn is done. */
  holdForTurn(): number {
    if (this.frozen !== undefined) return this.frozen;
    const at = this.now();
    this.hold(at);
    queueMicrotask(() => this.release());
    return at;
  }
}

/** The state directory opened before the services exist: they need its seed. */
export interface OpenedState {
  journal: Journal;
  /** The seed every id of this directory derives from (stored at the first start). */
  seed: string;
}

export function openState(dir: string, sync: "normal" | "full", configuredSeed: string | undefined, logger: Logger, runtime: string): OpenedState {
  const journal = Journal.open(dir, sync);
  // A history replays only on the runtime it was made with: what the simulated runtime's timers did,
  // a real one's engine reported, and replaying one as the other rewrites the past. An empty journal
  // (new, or just reset) takes any. Journals from before this was stored are the simulated runtime's,
  // the only one persistence took then.
  const empty = journal.lastSeq() === 0;
  const madeWith = journal.meta("runtime") ?? (empty ? undefined : "simulated");
  if (!empty && madeWith !== runtime) {
    journal.close();
    throw new StateDirError(`${journal.file}: its state was made with --runtime ${madeWith} and replays only with it; start with --runtime ${madeWith}, or point --state-dir elsewhere (the directory was left as it is)`);
  }
  if (madeWith !== runtime) journal.putMeta("runtime", runtime);
  let seed = journal.meta("seed");
  if (seed === undefined) {
    seed = configuredSeed ?? randomBytes(16).toString("hex");
    journal.putMeta("seed", seed);
  } else if (configuredSeed !== undefined && configuredSeed !== seed) {
    logger.warn(`--seed ignored: the state directory's ids derive from the seed it was created with`, { file: journal.file });
  }
  return { journal, seed };
}

export interface Persistence {
  /** Settles once the container runtime has taken over the tasks the journal left running (real containers). */
  resumed: Promise<void>;
  /** Empties the journal at a reset (state forgotten), keeping where the clock and the ids stood. */
  reset(): void;
  /** Commits what is pending and writes a snapshot of the state as of the last entry; false when none was written (nothing new, or refused). */
  snapshot(): boolean;
  /** Commits what is pending, writes a snapshot when there is something new, and closes the file. */
  close(): void;
}

export interface AttachOptions {
  opened: OpenedState;
  registry: Registry;
  timeline: Timeline;
  clock: PersistentClock;
  logger: Logger;
  /** Forgets all state, as the app's reset does. */
  resetAll(): void;
  /** Where the protocol runs due work before each operation; replaced here to record what fired. */
  setBeforeInvoke(fn: () => void): void;
  /** Journal entries between snapshots (0: only at a clean stop). */
  snapshotEvery?: number;
}

/** Replays the journal into the fresh services, then records every change from here on. */
export function attachPersistence(o: AttachOptions): Persistence {
  const { journal } = o.opened;
  const { registry, timeline, clock, logger } = o;
  const services = new Map<string, ServedService>(registry.all.map((s) => [s.name, s]));
  const invokers = new Map<ServedService, ServedService["invoke"]>();
  for (const s of registry.all) invokers.set(s, s.invoke.bind(s));

  // Real containers report from outside any request: replay hands the journal's reports to the lifecycle.
  const real = registry.runtime();
  const replaying = real.kind === "simulated" ? undefined : new ReplayRuntime(real);
  if (replaying) registry.useRuntime(replaying);
  // Real containers: the tasks handed to the runtime are part of a snapshot (their reports follow in the tail).
  let handed = replaying?.handed;
  const extra: Record<string, SnapshotExtra> = replaying
    ? { runtime: { save: () => handed!.live(), load: (runs) => replaying.restore(runs as Map<string, TaskRun>, (run) => registry.taskEvents(run)) } }
    : {};
  const restored = restoreSnapshot(o, extra);
  let lastAt = replay(o, services, invokers, replaying, restored);
  let snapshotSeq = journal.snapshots()[0]?.seq ?? 0;
  let sinceSnapshot = journal.lastSeq() - snapshotSeq;
  let refused: string | undefined;

  let closed = false;
  let pending: Entry[] = [];
  let durable: Promise<void> | undefined;
  let resolveDurable: (() => void) | undefined;
  let rejectDurable: ((e: unknown) => void) | undefined;
  let failed: unknown;

  const flush = (): void => {
    const batch = pending;
    const [resolve, reject] = [resolveDurable, rejectDurable];
    pending = [];
    durable = resolveDurable = rejectDurable = undefined;
    if (batch.length === 0) return resolve?.();
    try {
      journal.commit(batch);
      for (const e of batch) if (e.at > lastAt) lastAt = e.at;
      sinceSnapshot += batch.length;
      if (o.snapshotEvery && sinceSnapshot >= o.snapshotEvery && !closed) {
        sinceSnapshot = 0;
        setImmediate(() => !closed && snapshot());
      }
      resolve?.();
    } catch (e) {
      // What is in memory is no longer what is stored: every later answer says so instead of lying.
      failed = e;
      logger.error(`cannot write ${journal.file}`, e);
      reject?.(e);
    }
  };
  const record = (e: Entry): void => {
    // What the runtime reports while the server stops is not kept: the next start reads it from the engine.
    if (closed) return;
    pending.push(e);
    if (!durable) {
      durable = new Promise<void>((res, rej) => ((resolveDurable = res), (rejectDurable = rej)));
      durable.catch(() => {});
      setImmediate(flush);
    }
  };

  o.setBeforeInvoke(() => {
    const at = clock.holdForTurn();
    if (timeline.runDue()) record({ kind: "tick", at });
  });
  timeline.backgroundRun = () => {
    const at = clock.holdForTurn();
    if (timeline.runDue()) record({ kind: "tick", at });
  };

  for (const s of registry.all) {
    const invoke = invokers.get(s)!;
    const json = registry.json.includes(s as never);
    // A JSON body or a form decodes to plain JSON values: only rest-xml inputs carry bytes or dates.
    const plain = json || registry.query.includes(s as never);
    const changing = new Set(s.changesState ?? []);
    s.invoke = (operation: string, input: Record<string, unknown>, ctx: RequestContext): unknown => {
      if (failed) throw failed;
      if (!READ_ONLY.test(operation) || changing.has(operation)) {
        // The whole context: who called (a role session, a user) is part of what an operation did.
        record({ kind: "op", at: clock.holdForTurn(), service: s.name, operation, context: JSON.stringify(ctx), input: plain ? JSON.stringify(input) : encode(input) });
      }
      const output = invoke(operation, input, ctx);
      if (!durable) return output;
      const wait = durable;
      // The answer is encoded now, as it stands when the operation ran: the commit takes a turn.
      const settle = (out: unknown): Promise<unknown> => {
        const fixed = json ? (out instanceof JsonText || out == null ? out : new JsonText(out, [Buffer.from(JSON.stringify(out), "utf8")])) : cloneData(out);
        return wait.then(() => fixed);
      };
      return output instanceof Promise ? output.then(settle) : settle(output);
    };
  }

  // The state as of the last committed entry: taken right after a flush, when memory is exactly what the journal says.
  const snapshot = (): boolean => {
    flush();
    if (failed) return false;
    const seq = journal.lastSeq();
    if (seq === 0 || seq === snapshotSeq) return false;
    const started = Date.now();
    try {
      const data = captureSnapshot(registry, timeline, lastAt, extra);
      journal.putSnapshot(seq, lastAt, data);
      snapshotSeq = seq;
      sinceSnapshot = 0;
      refused = undefined;
      logger.debug("snapshot written", { file: journal.file, seq, bytes: data.length, ms: Date.now() - started });
      return true;
    } catch (e) {
      if (!(e instanceof SnapshotRefused)) logger.error(`cannot write a snapshot to ${journal.file}`, e);
      else if (e.message !== refused) logger.warn(`no snapshot taken (${e.message}): a restart replays the journal from its start`, { file: journal.file });
      if (e instanceof SnapshotRefused) refused = e.message;
      return false;
    }
  };

  let resumed = Promise.resolve();
  if (replaying) {
    const recordEvent = (e: RuntimeEntry): void => record({ ...e, kind: "event", at: clock.holdForTurn() });
    const recording = new RecordingRuntime(real, recordEvent);
    for (const run of replaying.handed.live().values()) recording.handed.note(run);
    handed = recording.handed;
    registry.useRuntime(recording);
    recordSink(registry.sink, recordEvent);
    resumed = registry.resumeTasks().catch((e: unknown) => logger.error("cannot take over the containers of the previous run", e));
  }

  return {
    resumed,
    reset: () => {
      // A reset forgets everything but where the ids stand: the journal starts over from there, so it
      // never replays what a reset made void, and a suite that resets between tests keeps it small.
      flush();
      if (failed) return;
      const ids = Object.fromEntries([...idSources(registry)].map(([name, source]) => [name, source.save()]));
      snapshotSeq = 0;
      sinceSnapshot = 0;
      try {
        journal.truncate([
          ["base", JSON.stringify({ at: clock.holdForTurn(), ids })],
          ["ids", ""],
        ]);
      } catch (e) {
        failed = e;
        logger.error(`cannot write ${journal.file}`, e);
      }
    },
    snapshot,
    close: () => {
      flush();
      if (!failed && journal.lastSeq() !== snapshotSeq) snapshot();
      closed = true;
      // Where the id source stood at a clean stop: the next start checks that replay ends there.
      const ids = idSourceOf(registry);
      if (!failed && ids) journal.putMeta("ids", `${journal.lastSeq()}:${ids.save()}`);
      journal.close();
    },
  };
}

interface SavedIds {
  save(): string;
  load(saved: string): void;
}

/** Every service's own id source, by its backend's name: what a reset does not forget. */
function idSources(registry: Registry): Map<string, SavedIds> {
  const out = new Map<string, SavedIds>();
  for (const [name, backend] of Object.entries(registry.backends)) {
    const ids = (backend as { ids?: Partial<SavedIds> }).ids;
    if (typeof ids?.save === "function" && typeof ids.load === "function") out.set(name, ids as SavedIds);
  }
  return out;
}

/** ECS's id source, whose position tells whether a replay ended where the run did. */
function idSourceOf(registry: Registry): SavedIds | undefined {
  return idSources(registry).get("ecs");
}

/**
 * Installs the newest snapshot this build can use (an older one when it cannot), or none: the journal
 * then replays from its start. A snapshot that fails half-way is undone (state forgotten, ids back).
 */
function restoreSnapshot(o: AttachOptions, extra: Record<string, SnapshotExtra>): { seq: number; at: number } | undefined {
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

function replay(o: AttachOptions, services: Map<string, ServedService>, invokers: Map<ServedService, ServedService["invoke"]>, runtime: ReplayRuntime | undefined, restored: { seq: number; at: number } | undefined): number {
  const { journal } = o.opened;
  const { timeline, clock, logger } = o;
  let count = 0;
  let last = 0;
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
    for (const e of journal.entries(restored?.seq ?? 0)) {
      count++;
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
  return last;
}
