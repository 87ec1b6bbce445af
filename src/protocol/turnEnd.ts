// Small answers leave together, at the end of the event loop's turn that made them. Under load one
// turn reads the requests of many connections. Written one by one as each was done, every answer
// woke its client at once, whose next request then arrived on its own, a turn or two later: the
// server spent turns on a request or two each, paying the loop's own cost (polling, timers,
// microtask queues, the HTTP parser's callbacks) per request, and its client did the same. Written
// together once the turn's operations are done, the clients' next requests come back together too.
// Against the build before (`--versus`, alternating windows), that build spent 120–181% of this
// one's CPU per request in the bench's phases of small answers, DescribeInstances aside (93%;
// README, "Round twelve"). A large answer (DescribeTasks of 100 tasks, 138 KB) is written at once:
// held, 16 of them went out in one burst the client then read one after another, and throughput
// fell by 40%. With a state directory, the answers its commit holds already come together after
// it, and are written as they come.
// The answer's bytes are made before it waits (operations may return live state: what is sent is
// the state when the operation ran), so only the write moves.

interface Write {
  write(): void;
  /** What a write that threw is reported to (the others in its turn are written all the same). */
  failed(e: unknown): void;
}

const pending: Write[] = [];

function writeAll(): void {
  for (const w of pending.splice(0, pending.length)) {
    try {
      w.write();
    } catch (e) {
      w.failed(e);
    }
  }
}

const afterCommit = new WeakSet<object>();

/**
 * An operation's answer that a commit holds (persistence): it comes once its turn's commit is done,
 * with the turn's other held answers, and is written then rather than a turn later.
 */
export function heldByCommit<T extends object>(answer: T): T {
  afterCommit.add(answer);
  return answer;
}

/** Whether an answer is one a commit holds (written as it comes) rather than one to queue. */
export function isHeldByCommit(answer: unknown): boolean {
  return typeof answer === "object" && answer !== null && afterCommit.has(answer);
}

/** Runs `write` once the current turn's I/O callbacks are done, with every other write queued in it. */
export function writeAtTurnEnd(write: () => void, failed: (e: unknown) => void): void {
  if (pending.push({ write, failed }) === 1) setImmediate(writeAll);
}
