// Persistence by journal: every request that may change state is recorded with the moment it ran,
// and so is every moment the timeline ran due work on its own; a restart replays the journal against
// fresh services on a clock set to those moments, then walks the clock through the downtime. The
// services' code is deterministic given the clock and the seed (every id comes from the seeded id
// source), so replay rebuilds their state and their pending timers (retention, draining, protection,
// anything a service schedules) without a line of per-service code. Each turn of the event loop's
// entries are written at its end in one write (tail.ts), and no answer leaves before the write
// holding its request.
// With real containers the runtime's reports are entries too (runtimeJournal.ts); a reset empties the
// journal, which then starts from where the clock and the ids stood.
import type { RequestContext } from "../../protocol/context.js";
import { JsonText } from "../../protocol/json.js";
import { answerXml, XmlText, type QueryService } from "../../protocol/query.js";
import type { ServedService } from "../../protocol/service.js";
import { heldByCommit } from "../../protocol/turnEnd.js";
import { cloneData } from "../clone.js";
import { encode } from "./codec.js";
import type { Entry } from "./journal.js";
import { RecordingRuntime, recordSink, ReplayRuntime, type RuntimeEntry } from "./runtimeJournal.js";
import { Snapshots } from "./snapshots.js";
import { TailLog } from "./tail.js";
import type { SnapshotBuilder } from "./snapshotWorker.js";
import { idSourceOf, idSources, replayJournal, restoreSnapshot, snapshotExtra, type ReplayOptions } from "./replay.js";

export { openState, PersistentClock, type OpenedState } from "./open.js";

/** Operations that read and never change state: not journaled (they only wait for the pending commit), unless a service names one in `changesState`. */
const READ_ONLY = /^(Describe|List|Get|Filter|Discover)/;

export interface Persistence {
  /** Settles once the container runtime has taken over the tasks the journal left running (real containers). */
  resumed: Promise<void>;
  /** Empties the journal at a reset (state forgotten), keeping where the clock and the ids stood. */
  reset(): void;
  /** Commits what is pending and writes a snapshot of the state as of the last entry; false when none was written (nothing new, or refused). */
  snapshot(): boolean;
  /** Starts a snapshot as --snapshot-every does (off the main thread where it can be); settles once it is stored (true) or was not (false). */
  snapshotSoon(): Promise<boolean>;
  /** Commits what is pending, writes a snapshot when there is something new, and closes the file; settles once persistence's threads have ended. */
  close(): Promise<void>;
}

export interface AttachOptions extends ReplayOptions {
  /** Where the protocol runs due work before each operation; replaced here to record what fired. */
  setBeforeInvoke(fn: () => void): void;
  /** Journal entries between snapshots (0: only at a clean stop). */
  snapshotEvery?: number;
  /** Builds snapshots off the main thread (snapshotWorker.ts); without it, they are taken on the main thread. */
  snapshotBuilder?: SnapshotBuilder;
}

/**
 * Adds `e` to a turn's entries. Replay runs due work before every entry, at its moment: a tick just
 * before another entry of the same moment (most often a write whose request first ran what was due)
 * adds nothing to a replay, and is left out.
 */
export function appendEntry(pending: Entry[], e: Entry): void {
  const before = pending[pending.length - 1];
  if (before?.kind === "tick" && before.at === e.at && e.kind !== "reset") pending.pop();
  pending.push(e);
}

/** Replays the journal into the fresh services, then records every change from here on. */
export function attachPersistence(o: AttachOptions): Persistence {
  const { journal } = o.opened;
  const { registry, timeline, clock, logger } = o;
  const invokers = new Map<ServedService, ServedService["invoke"]>();
  for (const s of registry.all) invokers.set(s, s.invoke.bind(s));

  // Real containers report from outside any request: replay hands the journal's reports to the lifecycle.
  const real = registry.runtime();
  const replaying = real.kind === "simulated" ? undefined : new ReplayRuntime(real);
  if (replaying) registry.useRuntime(replaying);
  // Real containers: the tasks handed to the runtime are part of a snapshot (their reports follow in the tail).
  let handed = replaying?.handed;
  const extra = snapshotExtra(registry, replaying, () => handed!);
  const restored = restoreSnapshot(o, extra);
  const lastAt = replayJournal(o, invokers, replaying, restored, true).last;

  // From here on each turn's entries go to the tail files, and a thread of their own takes them into state.db.
  const tail = new TailLog(journal);
  let closed = false;
  let pending: Entry[] = [];
  let durable: Promise<void> | undefined;
  let resolveDurable: (() => void) | undefined;
  let rejectDurable: ((e: unknown) => void) | undefined;
  let failed: unknown;

  const failWith = (e: unknown): void => {
    // What is in memory is no longer what is stored: every later answer says so instead of lying.
    if (!failed) logger.error(`cannot write ${journal.file}`, e);
    failed ??= e;
  };
  const flush = (): void => {
    const batch = pending;
    const [resolve, reject] = [resolveDurable, rejectDurable];
    pending = [];
    durable = resolveDurable = rejectDurable = undefined;
    if (batch.length === 0) return resolve?.();
    try {
      const stopped = tail.failure();
      if (stopped) throw stopped;
      tail.append(batch);
      snapshots.committed(batch);
      resolve?.();
    } catch (e) {
      failWith(e);
      reject?.(e);
    }
  };
  /** Every entry so far in state.db before this returns (what a snapshot, a reset or a stop reads); false once the journal cannot be written. */
  const settle = (): boolean => {
    flush();
    if (failed) return false;
    try {
      tail.drain();
    } catch (e) {
      failWith(e);
    }
    return !failed;
  };
  const record = (e: Entry): void => {
    // What the runtime reports while the server stops is not kept: the next start reads it from the engine.
    if (closed) return;
    appendEntry(pending, e);
    if (!durable) {
      durable = new Promise<void>((res, rej) => ((resolveDurable = res), (rejectDurable = rej)));
      durable.catch(() => {});
      setImmediate(flush);
    }
  };

  const builder = o.snapshotBuilder;
  o.setBeforeInvoke(() => {
    builder?.touch();
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
    const query = registry.query.includes(s as never) ? (s as QueryService) : undefined;
    // A JSON body or a form decodes to plain JSON values: only rest-xml inputs carry bytes or dates.
    const plain = json || query !== undefined;
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
        const fixed = json
          ? out instanceof JsonText || out == null
            ? out
            : new JsonText(out, JSON.stringify(out))
          : query
            ? new XmlText(out ?? {}, answerXml(query, operation, out ?? {}, ctx.requestId))
            : cloneData(out);
        return wait.then(() => fixed);
      };
      return heldByCommit(output instanceof Promise ? output.then(settle) : settle(output));
    };
  }

  const snapshots = new Snapshots(
    {
      journal,
      registry,
      timeline,
      logger,
      extra,
      every: o.snapshotEvery,
      // Real containers' replay needs the real runtime's view of engines: their snapshots are taken here.
      builder: replaying ? undefined : o.snapshotBuilder,
      flush: settle,
    },
    lastAt,
  );

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
      if (!settle()) return;
      const ids = Object.fromEntries([...idSources(registry)].map(([name, source]) => [name, source.save()]));
      snapshots.reset();
      const at = clock.holdForTurn();
      try {
        journal.truncate(
          [
            ["base", JSON.stringify({ at, ids })],
            ["ids", ""],
          ],
          at,
        );
        tail.restart();
      } catch (e) {
        failWith(e);
      }
    },
    snapshot: () => snapshots.now(),
    snapshotSoon: () => snapshots.soon(),
    close: () => {
      const builder = snapshots.close();
      closed = true;
      // Where the id source stood at a clean stop: the next start checks that replay ends there.
      const ids = idSourceOf(registry);
      if (!failed && ids) journal.putMeta("ids", `${journal.lastSeq()}:${ids.save()}`);
      // The writer's connection closes on its own thread; what is left in SQLite's log stays there, as safe as in the file.
      const written = tail.close();
      journal.close();
      return Promise.all([builder, written]).then(() => undefined);
    },
  };
}
