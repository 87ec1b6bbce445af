// A snapshot builder replays the journal: seconds of a core that, on a small machine, the server's
// own thread and its clients would otherwise share with it. Linux gives every thread its own nice
// value (setpriority on a thread id), so the builder's thread yields the CPU to anything busier
// while it replays. It must not hold SQLite's write lock at that priority, though (the server's
// commits would wait behind a thread that scarcely runs), and lowering a nice value back needs
// privilege (root, CAP_SYS_NICE or RLIMIT_NICE): the builder only goes low where it can come back.
// It orders who runs first, not what running costs: on the two-core VM of the bench a busy nice-19
// thread still cost the server 27–40% of its throughput (README, "Round ten"), so how often a
// snapshot is built is decided by its cost (snapshots.ts), and how fast by the server's load
// (pacer.ts), not left to this.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The nice value a builder replays at (19: it runs on what nobody else wants). */
export const BACKGROUND_NICE = 19;

export interface ThreadPriority {
  /** Whether the thread could go to the background and come back (on Linux, with the privilege). */
  readonly lowered: boolean;
  /** Back to the priority it had. */
  restore(): void;
}

const UNCHANGED: ThreadPriority = { lowered: false, restore: () => {} };

/** This thread's id (Linux: /proc/thread-self names it), or undefined elsewhere. */
function threadId(): number | undefined {
  try {
    const id = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lowers this thread's priority to `nice` when it can be raised again: a step down and back first
 * (a thread that cannot come back stays one step lower, which changes nothing that matters).
 */
export function toBackground(nice = BACKGROUND_NICE): ThreadPriority {
  const tid = threadId();
  if (tid === undefined) return UNCHANGED;
  try {
    const was = getPriority(tid);
    if (was >= nice) return UNCHANGED;
    setPriority(tid, was + 1);
    try {
      setPriority(tid, was);
    } catch {
      return UNCHANGED;
    }
    setPriority(tid, nice);
    return {
      lowered: true,
      restore: () => {
        try {
          setPriority(tid, was);
        } catch {
          // The privilege went away meanwhile: the write is then done at the background priority.
        }
      },
    };
  } catch {
    return UNCHANGED;
  }
}
