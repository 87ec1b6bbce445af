// The log's copies back into state.db run on the checkpointer's thread: the server's connection does
// none, and the log stays a few megabytes however much is committed. The same commits without it
// (the server's connection told to leave the log alone, no thread doing it) grow the log past that.
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { Checkpointer, COMMITS_PER_CHECKPOINT } from "../../src/state/persist/checkpointer.js";
import { Journal, type Entry } from "../../src/state/persist/journal.js";
import { tempDir } from "../helpers/tempDir.js";

const ROUNDS = 6;
/** A turn's worth of requests, each about the size of a RegisterTaskDefinition's entry. */
const batch = (round: number, n: number): Entry[] =>
  Array.from({ length: 16 }, (_, i) => ({ kind: "op", at: 1_765_000_000_000 + round, service: "ecs", operation: "RegisterTaskDefinition", context: `{"requestId":"${round}-${n}-${i}"}`, input: JSON.stringify({ family: "f", pad: "x".repeat(300) }) }));

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 20_000) throw new Error("the checkpointer did not answer within 20 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The largest the log grew to over ROUNDS rounds of COMMITS_PER_CHECKPOINT commits (SQLite reuses the file from its start after a full copy back, so its size is its high-water mark). */
async function logSize(withThread: boolean): Promise<{ bytes: number; checkpoints: number }> {
  const dir = tempDir("ecs-local-checkpointer-");
  const journal = Journal.open(dir);
  const lines: string[] = [];
  const checkpointer = withThread ? new Checkpointer(journal, createLogger({ level: "info", write: (l) => void lines.push(l) })) : undefined;
  if (!checkpointer) journal.autocheckpoint(0);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (let n = 0; n < COMMITS_PER_CHECKPOINT; n++) {
        journal.commit(batch(round, n));
        checkpointer?.committed();
      }
      if (checkpointer) await until(() => checkpointer.done > round);
    }
    expect(lines).toEqual([]);
    return { bytes: statSync(join(dir, "state.db-wal")).size, checkpoints: checkpointer?.done ?? 0 };
  } finally {
    await checkpointer?.close();
    journal.close();
  }
}

describe("checkpointer", () => {
  it("keeps the log small off the server's thread; without it the same commits pile up", async () => {
    const threaded = await logSize(true);
    const alone = await logSize(false);
    expect(threaded.checkpoints).toBe(ROUNDS);
    // Six rounds' worth of log without copies back, about one round's with them.
    expect(alone.bytes).toBeGreaterThan(4 * threaded.bytes);
  }, 60_000);

  it("leaves nothing behind: the journal reopens with every entry", async () => {
    const dir = tempDir("ecs-local-checkpointer-");
    const journal = Journal.open(dir);
    const checkpointer = new Checkpointer(journal, createLogger({ level: "silent" }));
    for (let n = 0; n < COMMITS_PER_CHECKPOINT + 5; n++) {
      journal.commit(batch(0, n));
      checkpointer.committed();
    }
    await until(() => checkpointer.done > 0);
    await checkpointer.close();
    journal.close();
    const again = Journal.open(dir);
    try {
      expect(again.lastSeq()).toBe((COMMITS_PER_CHECKPOINT + 5) * 16);
    } finally {
      again.close();
    }
  }, 60_000);
});
