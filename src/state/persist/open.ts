// What a start with a state directory needs before the services exist: the directory opened (its
// journal, and the seed every id derives from) and the clock. The rest of persistence (recording,
// replay, snapshots: persistence.ts) loads while the start waits for the services' code, so that a
// start without a state directory never compiles it (README, "Start-up").
import { randomBytes } from "node:crypto";
import type { Clock } from "../../engine/clock.js";
import type { Logger } from "../../log.js";
import { Journal, StateDirError } from "./journal.js";
import { recoverTail } from "./tail.js";

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

/** `check`: the server's own open (the file's integrity checked, the tail files a crash left committed); a snapshot builder, opening it beside the server, does neither. */
export function openState(dir: string, sync: "normal" | "full", configuredSeed: string | undefined, logger: Logger, runtime: string, check = true): OpenedState {
  const journal = Journal.open(dir, sync, check);
  if (check) {
    try {
      const recovered = recoverTail(journal);
      if (recovered) logger.info("entries the last run left in its tail files committed", { file: journal.file, entries: recovered });
    } catch (e) {
      journal.close();
      throw new StateDirError(`${(e as Error).message}; the tail files were left as they are (move the state directory away, or point --state-dir elsewhere)`);
    }
  }
  // A history replays only on the runtime it was made with: what the simulated runtime's timers did,
  // a real one's engine reported, and replaying one as the other rewrites the past. An empty journal
  // (new, or just reset) takes any. Journals from before this was stored are the simulated runtime's,
  // the only one persistence took then.
  const empty = !journal.holdsChanges();
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
