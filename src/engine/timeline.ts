// Work that is due at a moment: lifecycle transitions and service reconciliation run from here,
// never because somebody called Describe. A min-heap keeps scheduling and firing O(log n).
import type { Clock } from "./clock.js";
import { defineTimer, timerHandler } from "./timers.js";

const WAKE = defineTimer("timeline.wake", () => {});

/** Due work: `fn` runs at `at` (ties in the order scheduled); a named timer also keeps its handler's name and arguments. */
export class Timer {
  constructor(
    readonly at: number,
    readonly seq: number,
    public fn: (() => void) | undefined,
    /** The handler defineTimer registered (named timers only): what a snapshot writes down instead of `fn`. */
    readonly name?: string,
    readonly args?: unknown[],
  ) {}
}

/** The timeline as a snapshot keeps it: the next sequence number and the timers still pending, in heap order. */
export interface TimelineImage {
  seq: number;
  pending: Timer[];
}

/**
 * What a pending named timer holds as its `fn`: one function for all of them, which the timeline
 * recognizes and runs as the handler registered under the timer's name with its arguments. A closure
 * per timer cost about 100 bytes for as long as it waited (a deleted stack's 90 days, a stopped
 * task's hour). Checked when scheduled, so an unknown name still fails where it is given.
 */
const NAMED = (): void => {
  throw new Error("a named timer runs through its timeline");
};

function bound(name: string): () => void {
  timerHandler(name);
  return NAMED;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class Timeline {
  private heap: Timer[] = [];
  private seq = 0;
  private wakeAt = Infinity;
  private wakeHandle: NodeJS.Timeout | undefined;
  private running = false;
  private afterRun: (() => void)[] = [];
  /** How a background wake runs due work: persistence replaces it to record the moment it ran. */
  backgroundRun: () => void = () => void this.runDue();

  /** With `autoWake`, a real timer fires due work in the background (the server); without, tests drive it. */
  constructor(
    readonly clock: Clock,
    private readonly autoWake: boolean,
  ) {}

  now(): number {
    return this.clock.now();
  }

  at(at: number, fn: () => void): Timer {
    return this.schedule(new Timer(at, this.seq++, fn));
  }

  after(ms: number, fn: () => void): Timer {
    return this.at(this.clock.now() + ms, fn);
  }

  /** Schedules the handler defineTimer registered as `name` with `args`: a timer a snapshot can keep. */
  call(at: number, name: string, ...args: unknown[]): Timer {
    return this.schedule(new Timer(at, this.seq++, bound(name), name, args));
  }

  callAfter(ms: number, name: string, ...args: unknown[]): Timer {
    return this.call(this.clock.now() + ms, name, ...args);
  }

  /** Wakes the due-work run at this moment (after-run hooks pick up what changed) without a handler. */
  wake(): void {
    this.call(this.clock.now(), WAKE);
  }

  private schedule(t: Timer): Timer {
    this.push(t);
    this.arm();
    return t;
  }

  /** What a snapshot keeps: the pending timers (cancelled ones are dropped) and the next sequence number. */
  image(): TimelineImage {
    return { seq: this.seq, pending: this.heap.filter((t) => t.fn) };
  }

  /** Installs a snapshot's timers (restored objects, shared with the state that holds them): each named one gets its callable back. */
  load(image: TimelineImage): void {
    this.clear();
    this.seq = image.seq;
    for (const t of image.pending) {
      t.fn = bound(t.name!);
      this.push(t);
    }
    this.arm();
  }

  cancel(t: Timer | undefined): void {
    if (t) t.fn = undefined;
  }

  /** Runs after every batch of due timers: where reconcilers pick up what changed. */
  onAfterRun(fn: () => void): void {
    this.afterRun.push(fn);
  }

  /** Fires everything due by now, including work that due work schedules for now; true when something fired. */
  runDue(): boolean {
    if (this.running) return false;
    this.running = true;
    let any = false;
    try {
      for (let round = 0; round < 10_000; round++) {
        const now = this.clock.now();
        let fired = false;
        while (this.heap.length && this.heap[0].at <= now) {
          const t = this.pop();
          const fn = t.fn;
          if (fn) {
            t.fn = undefined;
            if (fn === NAMED) timerHandler(t.name!)(...(t.args ?? []));
            else fn();
            fired = any = true;
          }
        }
        for (const fn of this.afterRun) fn();
        if (!fired && !(this.heap.length && this.heap[0].at <= this.clock.now())) break;
      }
    } finally {
      this.running = false;
    }
    this.arm();
    return any;
  }

  /** When the earliest pending timer is due; Infinity when none is. */
  nextAt(): number {
    while (this.heap.length && !this.heap[0].fn) this.pop();
    return this.heap.length ? this.heap[0].at : Infinity;
  }

  /** Moves a manual clock forward through every timer on the way, in order. */
  advance(ms: number, set: (ms: number) => void): void {
    const end = this.clock.now() + ms;
    while (this.heap.length && this.heap[0].at <= end) {
      set(Math.max(this.clock.now(), this.heap[0].at));
      this.runDue();
    }
    set(end);
    this.runDue();
  }

  pendingCount(): number {
    return this.heap.filter((t) => t.fn).length;
  }

  clear(): void {
    this.heap = [];
    if (this.wakeHandle) clearTimeout(this.wakeHandle);
    this.wakeHandle = undefined;
    this.wakeAt = Infinity;
  }

  private arm(): void {
    if (!this.autoWake || this.running) return;
    while (this.heap.length && !this.heap[0].fn) this.pop();
    const next = this.heap.length ? this.heap[0].at : Infinity;
    if (next >= this.wakeAt) return;
    if (this.wakeHandle) clearTimeout(this.wakeHandle);
    if (next === Infinity) return;
    this.wakeAt = next;
    this.wakeHandle = setTimeout(() => {
      this.wakeAt = Infinity;
      this.wakeHandle = undefined;
      this.backgroundRun();
      // setTimeout fires at once past 2^31-1 ms (about 24.8 days); a far timer wakes up early and re-arms.
    }, Math.min(MAX_TIMEOUT_MS, Math.max(0, next - this.clock.now())));
    this.wakeHandle.unref();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      // A plain swap: a destructuring one goes through an array (and its iterator) each time.
      const held = h[i];
      h[i] = h[p];
      h[p] = held;
      i = p;
    }
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        const held = h[i];
        h[i] = h[m];
        h[m] = held;
        i = m;
      }
    }
    return top;
  }
}
