// A snapshot builder's pace. A build is seconds of CPU (replaying the entries since the last one,
// writing a state of 100+ MB down, storing it), and on a small machine whatever else runs takes it
// from the server and its clients: on the bench's two cores a CPU burner at nice 19 cost the server
// about as much as one at nice 0 (the scheduler keeps the server and its client on one core rather
// than leave the other to a background thread). Priority does not order it, so time does: while the
// server is answering requests, the builder works in short slices and rests after each for
// (1 / BUSY_SHARE − 1) times as long, so it takes about a tenth of a core, spread thin instead of
// all of one for seconds. When nobody is asking, it runs at full speed. What a builder does while
// paced costs what it cost before; it only takes longer, and the journal it has not yet written
// down grows meanwhile (a start replays it: see snapshots.ts).

/** The share of the time a builder works while the server is busy. */
export const BUSY_SHARE = 0.1;
/** How long a slice of work is before the builder looks whether the server was busy meanwhile. */
export const SLICE_MS = 10;
/** Steps between looks at the clock (a step is an entry replayed, an object written down). */
const STEPS_PER_LOOK = 64;

/** The server's side: a counter it bumps on every request, which a builder's thread reads. */
export function activityCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Counts a request (a plain increment: the builder only asks whether the value moved). */
export function touch(activity: Int32Array): void {
  activity[0] = (activity[0]! + 1) | 0;
}

export interface Pace {
  /** A unit of work was done: rarely, a look at the clock and a rest when the server was busy. */
  step(): void;
  /** After a long unit (a whole graph serialized at once): the look and rest at once. */
  look(): void;
  /** Milliseconds spent working (rests left out) since it was made. */
  worked(): number;
}

/** For code that is not paced (a server's own replay at start). */
export const UNPACED: Pace = { step: () => {}, look: () => {}, worked: () => 0 };

const block = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the calling thread (a worker's: the server's own thread never rests). */
export const restFor = (ms: number): void => void Atomics.wait(block, 0, 0, ms);

export class Pacer implements Pace {
  private steps = 0;
  private sliceStart: number;
  private seen: number;
  private rested = 0;
  private readonly began: number;

  constructor(
    private readonly activity: Int32Array,
    private readonly share = BUSY_SHARE,
    private readonly now: () => number = () => performance.now(),
    private readonly rest: (ms: number) => void = restFor,
  ) {
    this.began = this.sliceStart = now();
    this.seen = Atomics.load(activity, 0);
  }

  step(): void {
    if (++this.steps < STEPS_PER_LOOK) return;
    this.look();
  }

  look(): void {
    this.steps = 0;
    const worked = this.now() - this.sliceStart;
    if (worked < SLICE_MS) return;
    const seen = Atomics.load(this.activity, 0);
    if (seen !== this.seen) {
      // Requests came in while it worked: it gives the time back, in proportion to what it took.
      this.seen = seen;
      const ms = worked * (1 / this.share - 1);
      const before = this.now();
      this.rest(ms);
      this.rested += this.now() - before;
    }
    this.sliceStart = this.now();
  }

  worked(): number {
    return this.now() - this.began - this.rested;
  }
}
