// The journal's file: a turn's entries, written by as few INSERT statements as they fit in, come back
// in the order they were recorded, every field as it was; a commit that fails stores none of them.
import { describe, expect, it } from "vitest";
import { Journal, type Entry } from "../../src/state/persist/journal.js";
import { tempDir } from "../helpers/tempDir.js";

const op = (i: number): Entry => ({ kind: "op", at: 1_765_000_000_000 + i, service: "ecs", operation: `Op${i}`, context: `{"requestId":"r${i}"}`, input: `{"n":${i}}` });

describe("journal", () => {
  it("keeps a turn's entries in order, with every field, across statements of several rows", () => {
    const dir = tempDir("ecs-local-journal-");
    const journal = Journal.open(dir);
    try {
      // 1, then 77 (32 + 32 + 13 rows), then a tick and a reset without service, operation or input.
      journal.commit([op(0)]);
      journal.commit(Array.from({ length: 77 }, (_, i) => op(i + 1)));
      journal.commit([{ kind: "tick", at: 5 }, { kind: "reset", at: 6 }], [["ids", "x"]]);
      const stored = [...journal.entries()];
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect(stored[0]).toEqual({ seq: 1, ...op(0) });
      expect(stored[17]).toEqual({ seq: 18, ...op(17) });
      expect(stored[77]).toEqual({ seq: 78, ...op(77) });
      expect(stored.slice(78)).toEqual([
        { seq: 79, kind: "tick", at: 5, service: null, operation: null, context: null, input: null },
        { seq: 80, kind: "reset", at: 6, service: null, operation: null, context: null, input: null },
      ]);
      expect(journal.meta("ids")).toBe("x");
    } finally {
      journal.close();
    }
  });

  it("stores nothing of a commit that fails, and commits the next one", () => {
    const dir = tempDir("ecs-local-journal-");
    const journal = Journal.open(dir);
    try {
      journal.commit([op(0)]);
      // `at` is NOT NULL: a commit of one statement fails whole, and one of two fails after the first ran.
      const bad = (n: number) => [...Array.from({ length: n }, (_, i) => op(i + 1)), { ...op(17), at: null as unknown as number }];
      expect(() => journal.commit(bad(3))).toThrow(/NOT NULL/);
      expect(() => journal.commit(bad(32))).toThrow(/NOT NULL/);
      journal.commit([op(18)]);
      expect([...journal.entries()].map((e) => e.operation)).toEqual(["Op0", "Op18"]);
      expect(journal.lastSeq()).toBe(2);
    } finally {
      journal.close();
    }
  });
});
