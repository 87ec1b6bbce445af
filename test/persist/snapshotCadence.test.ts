// When a builder is asked for a snapshot: every `every` entries while the state is small, and once
// per BYTES_PER_ENTRY of the last snapshot's size when that is more (a large state's build costs more).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Entry, Journal } from "../../src/state/persist/journal.js";
import { BYTES_PER_ENTRY, Snapshots } from "../../src/state/persist/snapshots.js";
import type { SnapshotBuilder } from "../../src/state/persist/snapshotWorker.js";
import type { Registry } from "../../src/services/registry.js";
import type { Timeline } from "../../src/engine/timeline.js";
import { createLogger } from "../../src/log.js";

/** `build`: how long each build takes on the wall clock, and how much of that it worked (the rest it was paced). */
function harness(every: number, sizes: number[], build = { wallMs: 0, workedMs: 0 }) {
  const builds: number[] = [];
  let committed = 0;
  const builder: SnapshotBuilder = {
    build: () => {
      builds.push(committed);
      const bytes = sizes[Math.min(builds.length - 1, sizes.length - 1)];
      vi.setSystemTime(Date.now() + build.wallMs);
      return { done: Promise.resolve({ seq: committed, at: 0, bytes, replayed: 0, workedMs: build.workedMs, stored: true }) };
    },
    discard: () => Promise.resolve(),
    touch: () => {},
  };
  const journal = { snapshots: () => [], lastSeq: () => 0, file: "state.db" } as unknown as Journal;
  const snapshots = new Snapshots({ journal, registry: {} as Registry, timeline: {} as Timeline, logger: createLogger({ level: "silent" }), extra: {}, every, builder, flush: () => true }, 0);
  /** Commits `n` entries one at a time, `msEach` apart on the wall clock, letting each started build settle. */
  const commit = async (n: number, msEach = 0) => {
    for (let i = 0; i < n; i++) {
      vi.setSystemTime(Date.now() + msEach);
      committed++;
      snapshots.committed([{ at: committed } as Entry]);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { builds, commit };
}

describe("snapshot cadence", () => {
  // The wall clock stands still: a build takes no time, so the rest after it (four times its length) is none.
  beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => void vi.useRealTimers());

  it("a small state gets one every `every` entries", async () => {
    const h = harness(100, [1_000]);
    await h.commit(350);
    expect(h.builds).toEqual([100, 200, 300]);
  });

  it("a large state waits one entry per BYTES_PER_ENTRY of its last snapshot", async () => {
    // The first snapshot is 250 entries' worth, the second 120's (more than every), then small again.
    const h = harness(100, [250 * BYTES_PER_ENTRY, 120 * BYTES_PER_ENTRY, 1_000]);
    await h.commit(700);
    expect(h.builds).toEqual([100, 350, 470, 570, 670]);
  });

  it("the rest after a build is four times what it worked, not how long it took while paced", async () => {
    // 10 s on the wall clock, 1 s of it working: the next waits 4 s (4,000 entries at 1 ms), not 40 s.
    const h = harness(100, [1_000], { wallMs: 10_000, workedMs: 1_000 });
    await h.commit(6_000, 1);
    expect(h.builds).toHaveLength(2);
    expect(h.builds[1]).toBeGreaterThanOrEqual(4_100);
    expect(h.builds[1]).toBeLessThan(4_200);
  });
});
