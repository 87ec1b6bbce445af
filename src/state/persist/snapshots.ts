// When snapshots are taken, and by whom: every `every` committed entries (off the main thread when a
// builder is given: the simulated runtime), and at a clean stop on the main thread. A refusal is
// logged once per reason; a builder's snapshot a reset or a stop made void is not counted.
// A builder replays and writes down the whole state, seconds of a core for a large one: under a
// steady stream of writes it would start again as soon as it ended and take a core from the server
// for good (a full bench run read 1.6× slower writes with a state directory). So after each build
// the next waits four times as long as the last one worked (a build is paced while the server is
// busy, pacer.ts: its rests are not counted): builders work a fifth of the time at most (a tenth while
// the server is busy), and a start
// replays at most `every` entries or what came in while one was built or waited, whichever is more.
// What a build costs besides its replay grows with the state (writing down 191 MB took 3–4.5 s of
// CPU), and on a small machine a thread at the lowest priority still takes that from the server
// (a busy nice-19 thread cost the bench's writes 27–40% of their throughput on two cores). So a
// large state also waits for more entries: one per BYTES_PER_ENTRY of the last snapshot. Replaying
// those takes about twice as long as installing that snapshot, which bounds what a restart replays.
import type { Timeline } from "../../engine/timeline.js";
import type { Logger } from "../../log.js";
import type { Registry } from "../../services/registry.js";
import type { Entry, Journal } from "./journal.js";
import { captureSnapshot, SnapshotRefused, type SnapshotExtra } from "./snapshot.js";
import type { SnapshotBuilder, SnapshotJob } from "./snapshotWorker.js";

export interface SnapshotsOptions {
  journal: Journal;
  registry: Registry;
  timeline: Timeline;
  logger: Logger;
  extra: Record<string, SnapshotExtra>;
  /** Journal entries between snapshots (0 or none: only at a clean stop). */
  every?: number;
  /** Builds them off the main thread (snapshotWorker.ts). */
  builder?: SnapshotBuilder;
  /** Puts every entry so far in state.db (tail.ts); false once the journal cannot be written. */
  flush(): boolean;
}

/** How long builders rest for each millisecond they worked. */
const REST_PER_BUILD = 4;

/** Bytes of the last snapshot per journal entry the next one waits for (when more than `every`). */
export const BYTES_PER_ENTRY = 1000;

export class Snapshots {
  /** The entry the newest stored snapshot includes. */
  private seq: number;
  private since: number;
  private refused: string | undefined;
  private building: SnapshotJob | undefined;
  private generation = 0;
  private stored: Promise<boolean> = Promise.resolve(false);
  private closed = false;
  /** When a builder may start again (wall clock, ms). */
  private restAfter = 0;
  /** The size of the last snapshot written (0: none yet by this process). */
  private lastBytes = 0;

  /** `lastAt`: the clock of the last entry committed (what a snapshot's clock is). */
  constructor(
    private readonly o: SnapshotsOptions,
    public lastAt: number,
  ) {
    this.seq = o.journal.snapshots()[0]?.seq ?? 0;
    this.since = o.journal.lastSeq() - this.seq;
  }

  /** A batch of entries was committed. */
  committed(batch: Entry[]): void {
    for (const e of batch) if (e.at > this.lastAt) this.lastAt = e.at;
    this.since += batch.length;
    if (this.o.every && this.since >= this.o.every && this.since >= this.lastBytes / BYTES_PER_ENTRY && !this.closed && !this.building && Date.now() >= this.restAfter) {
      this.since = 0;
      void this.soon();
    }
  }

  /** Starts one (in a worker where it can be); settles with whether it was stored. */
  soon(): Promise<boolean> {
    if (!this.o.builder) return new Promise((resolve) => setImmediate(() => resolve(!this.closed && this.now())));
    if (this.building) return this.stored;
    // The builder reads state.db: what the journal's writer has not committed yet would be left out.
    if (!this.o.flush()) return Promise.resolve(false);
    const job = (this.building = this.o.builder.build());
    const g = this.generation;
    const started = Date.now();
    let worked: number | undefined;
    this.stored = job.done
      .then(
        (r) => {
          worked = r.workedMs;
          if (!r.stored || g !== this.generation) return false;
          this.seq = Math.max(this.seq, r.seq);
          this.lastBytes = r.bytes;
          this.refused = undefined;
          this.o.logger.debug("snapshot written", { file: this.o.journal.file, seq: r.seq, bytes: r.bytes, replayed: r.replayed, workedMs: r.workedMs, worker: true });
          return true;
        },
        (e: unknown) => {
          if (!this.closed && g === this.generation) this.failed(e, (e as { refused?: boolean }).refused === true);
          return false;
        },
      )
      .finally(() => {
        if (this.building === job) this.building = undefined;
        // What it worked, not how long it took: a paced build rests while the server is busy.
        const ended = Date.now();
        this.restAfter = ended + REST_PER_BUILD * (worked ?? ended - started);
      });
    return this.stored;
  }

  /** The state as of the last committed entry, on this thread: right after a flush, memory is exactly what the journal says. */
  now(): boolean {
    const { journal, logger } = this.o;
    if (!this.o.flush()) return false;
    const seq = journal.lastSeq();
    if (seq === 0 || seq === this.seq) return false;
    const started = Date.now();
    try {
      const data = captureSnapshot(this.o.registry, this.o.timeline, this.lastAt, this.o.extra);
      journal.putSnapshot(seq, this.lastAt, data);
      this.seq = seq;
      this.since = 0;
      this.lastBytes = data.length;
      this.refused = undefined;
      logger.debug("snapshot written", { file: journal.file, seq, bytes: data.length, ms: Date.now() - started });
      return true;
    } catch (e) {
      this.failed(e, e instanceof SnapshotRefused);
      return false;
    }
  }

  /** The journal starts over (a reset deletes the snapshots): a builder under way is void. */
  reset(): void {
    void this.stopBuilding();
    this.seq = 0;
    this.since = 0;
    this.lastBytes = 0;
  }

  /** At a clean stop: one on this thread when there is something new. Settles once the builder's thread has ended. */
  close(): Promise<void> {
    const ended = this.stopBuilding();
    if (this.o.flush() && this.o.journal.lastSeq() !== this.seq) this.now();
    this.closed = true;
    return ended;
  }

  /** A build under way is void, and so is the builder's copy of the state (it ends). */
  private stopBuilding(): Promise<void> {
    this.generation++;
    this.building = undefined;
    return this.o.builder?.discard() ?? Promise.resolve();
  }

  private failed(e: unknown, refusal: boolean): void {
    const message = (e as Error).message;
    const file = this.o.journal.file;
    if (!refusal) this.o.logger.error(`cannot write a snapshot to ${file}`, e);
    else if (message !== this.refused) this.o.logger.warn(`no snapshot taken (${message}): a restart replays the journal from its start`, { file });
    if (refusal) this.refused = message;
  }
}
