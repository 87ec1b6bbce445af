// The journal's tail files: a turn's entries are in the journal once appended (a thread commits them
// into state.db, where a drain finds them all, in order, every field as it was); files the writer has
// committed are deleted; what a crash leaves is committed at the next open, without what state.db
// already holds and without a last line cut short; a writer that cannot commit fails the journal.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Journal, type Entry } from "../../src/state/persist/journal.js";
import { recoverTail, TailLog } from "../../src/state/persist/tail.js";
import { tempDir } from "../helpers/tempDir.js";

const op = (i: number): Entry => ({ kind: "op", at: 1_765_000_000_000 + i, service: "ecs", operation: `Op${i}`, context: `{"requestId":"r${i}","tab":"a\\tb"}`, input: JSON.stringify({ n: i, text: "line\nbreak\ttab ünï" }) });
const tails = (dir: string) => readdirSync(dir).filter((f) => f.startsWith("tail."));
const line = (seq: number, e: Entry) => `${seq}\t${e.at}\t${e.kind}\t${e.service ?? ""}\t${e.operation ?? ""}\t${e.context ?? ""}\t${e.input ?? ""}\n`;
const stored = (journal: Journal) => [...journal.entries()].map(({ seq, ...e }) => ({ seq, ...e }));

/** A fresh journal with its tail: `fn` runs with both, and both are closed after it. */
async function withTail(fn: (journal: Journal, tail: TailLog, dir: string) => void): Promise<void> {
  const dir = tempDir("ecs-local-tail-");
  const journal = Journal.open(dir);
  const tail = new TailLog(journal);
  try {
    fn(journal, tail, dir);
  } finally {
    await tail.close();
    journal.close();
  }
}

/** The sequence numbers a start finds in a new journal whose directory holds these tail files. */
function recovered(files: Record<string, string>): number[] {
  const dir = tempDir("ecs-local-tail-");
  Journal.open(dir).close();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const journal = Journal.open(dir);
  try {
    recoverTail(journal);
    return stored(journal).map((e) => e.seq);
  } finally {
    journal.close();
  }
}

describe("journal tail", () => {
  it("puts every entry appended into state.db, in order and whole, and deletes each file once committed", async () => {
    const dir = tempDir("ecs-local-tail-");
    const journal = Journal.open(dir);
    journal.commit([op(0)]);
    // Files of about 2 KB: the 300 entries below go through a hundred or so of them.
    const tail = new TailLog(journal, 2048);
    try {
      // Turns of three requests, every other one with a tick.
      const turn = (i: number): Entry[] => [op(i), op(i + 1), op(i + 2), { kind: "tick", at: i } as Entry].slice(0, i % 2 ? 3 : 4);
      for (let i = 1; i <= 300; i += 3) tail.append(turn(i));
      tail.drain();
      const rows = stored(journal);
      const expected = [op(0)];
      for (let i = 1; i <= 300; i += 3) expected.push(...turn(i));
      expect(rows.map((r) => r.seq)).toEqual(expected.map((_, i) => i + 1));
      expect(rows.map(({ seq: _, ...e }) => e)).toEqual(expected.map((e) => ({ service: null, operation: null, context: null, input: null, ...e })));
      // Only the file the server appends to is left.
      expect(tails(dir).length).toBe(1);
    } finally {
      await tail.close();
      journal.close();
    }
    expect(tails(dir)).toEqual([]);
    const reopened = Journal.open(dir);
    expect(reopened.lastSeq()).toBe(351);
    reopened.close();
  });

  it("goes on after a reset rewrote state.db, its entries numbered after the reset's", () =>
    withTail((journal, tail) => {
      tail.append([op(1), op(2)]);
      tail.drain();
      journal.truncate([["ids", "x"]], 99);
      tail.restart();
      tail.append([op(3)]);
      tail.drain();
      expect(stored(journal).map((e) => [e.seq, e.kind])).toEqual([
        [3, "reset"],
        [4, "op"],
      ]);
    }));

  it("commits at the next open what a crash left in the files, skipping what state.db holds and a last line cut short", () => {
    const dir = tempDir("ecs-local-tail-");
    let journal = Journal.open(dir);
    journal.commit([op(1), op(2)]);
    journal.close();
    // As a killed server leaves them: lines the writer committed (1, 2) and lines it had not yet, over two files; the last cut short.
    writeFileSync(join(dir, "tail.1.log"), line(1, op(1)) + line(2, op(2)) + line(3, op(3)));
    writeFileSync(join(dir, "tail.2.log"), line(4, op(4)) + line(5, { kind: "tick", at: 5 }) + line(6, op(6)).slice(0, 20));
    journal = Journal.open(dir);
    try {
      expect(recoverTail(journal)).toBe(3);
      expect(stored(journal).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(stored(journal)[3]).toEqual({ seq: 4, service: null, operation: null, context: null, input: null, ...op(4) });
      expect(stored(journal)[4]).toEqual({ seq: 5, kind: "tick", at: 5, service: null, operation: null, context: null, input: null });
      expect(tails(dir)).toEqual([]);
    } finally {
      journal.close();
    }
  });

  it("ends the recovered journal before a damaged line or a gap: nothing after it is committed", () => {
    expect(recovered({ "tail.1.log": line(1, op(1)) + "\0\0\0\0\n" + line(3, op(3)), "tail.2.log": line(4, op(4)) })).toEqual([1]);
    expect(recovered({ "tail.1.log": line(1, op(1)) + line(3, op(3)) })).toEqual([1]);
  });

  it("fails the journal when the writer cannot commit: drain throws why, and failure() says so from then on", () =>
    withTail((journal, tail, dir) => {
      // Entry 1 taken behind the writer's back: the line numbered 1 cannot go in.
      journal.commit([op(0)]);
      tail.append([op(1)]);
      expect(() => tail.drain()).toThrow(/out of order|UNIQUE/);
      expect(tail.failure()?.message).toContain(journal.file);
      expect(existsSync(join(dir, "tail.1.log"))).toBe(true);
    }));
});
