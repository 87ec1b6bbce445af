// The journal's file: a turn's entries, written by as few INSERT statements as they fit in, come back
// in the order they were recorded, every field as it was; a commit that fails stores none of them.
import { describe, expect, it } from "vitest";
import { Journal, SNAPSHOT_PART_BYTES, type Entry } from "../../src/state/persist/journal.js";
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

  it("never uses a sequence number twice: a reset leaves one entry, itself, and the next entries follow it", () => {
    const dir = tempDir("ecs-local-journal-");
    const journal = Journal.open(dir);
    try {
      journal.commit([op(0), op(1), op(2)]);
      expect(journal.holdsChanges()).toBe(true);
      journal.truncate([["base", "{}"]], 9);
      expect([...journal.entries()]).toEqual([{ seq: 4, kind: "reset", at: 9, service: null, operation: null, context: null, input: null }]);
      expect(journal.holdsChanges()).toBe(false);
      expect(journal.hasEntry(3)).toBe(false);
      journal.commit([op(3)]);
      journal.truncate([["base", "{}"]], 10);
      journal.commit([op(4), op(5)]);
      expect([...journal.entries()].map((e) => [e.seq, e.kind])).toEqual([
        [6, "reset"],
        [7, "op"],
        [8, "op"],
      ]);
    } finally {
      journal.close();
    }
    // And after the file is opened again.
    const again = Journal.open(dir);
    try {
      again.truncate([["base", "{}"]], 11);
      again.commit([op(6)]);
      expect([...again.entries()].map((e) => e.seq)).toEqual([9, 10]);
    } finally {
      again.close();
    }
  });

  describe("a builder's snapshot in parts", () => {
    // Two and a half parts of bytes that differ from part to part, so that parts out of order would show.
    const bytes = (seed: number) => Uint8Array.from({ length: Math.floor(SNAPSHOT_PART_BYTES * 2.5) }, (_, i) => (i * 7 + seed + Math.floor(i / SNAPSHOT_PART_BYTES)) & 0xff);

    /** A builder's connection and the server's to one fresh file, two entries committed. */
    const besideServer = (fn: (builder: Journal, server: Journal) => void) => {
      const dir = tempDir("ecs-local-journal-");
      const builder = Journal.open(dir);
      const server = Journal.open(dir, "normal", false);
      try {
        server.commit([op(0), op(1)]);
        fn(builder, server);
      } finally {
        builder.close();
        server.close();
      }
    };

    it("reads back as it was written, and the server commits between its parts", () => {
      besideServer((builder, server) => {
        let pauses = 0;
        // The server's commits land while the builder rests between its parts: none waits for the whole snapshot.
        const stored = builder.putSnapshotInParts(2, 5, bytes(1), 2, () => server.commit([op(100 + pauses++)]));
        expect(stored).toBe(true);
        expect(pauses).toBe(3);
        expect(server.snapshots()).toEqual([{ seq: 2, at: 5 }]);
        expect(Buffer.from(server.snapshotData(2)!).equals(Buffer.from(bytes(1)))).toBe(true);
        expect(server.lastSeq()).toBe(5);
      });
    });

    it("replaces older snapshots, their parts dropped; a snapshot of one blob (a stop's) drops what no kept one reads", () => {
      const dir = tempDir("ecs-local-journal-");
      const journal = Journal.open(dir);
      try {
        journal.commit([op(0), op(1), op(2)]);
        journal.putSnapshotInParts(1, 1, bytes(1), 1, () => undefined);
        let pauses = 0;
        journal.putSnapshotInParts(2, 2, bytes(2), 1, () => pauses++);
        // Three parts written, then the three of the replaced snapshot dropped one by one.
        expect(pauses).toBe(6);
        expect(journal.snapshots()).toEqual([{ seq: 2, at: 2 }]);
        expect(journal.snapshotData(1)).toBeUndefined();
        expect(Buffer.from(journal.snapshotData(2)!).equals(Buffer.from(bytes(2)))).toBe(true);
        journal.putSnapshot(3, 3, Uint8Array.of(1, 2, 3), 1);
        expect(journal.snapshots()).toEqual([{ seq: 3, at: 3 }]);
        expect([...journal.snapshotData(3)!]).toEqual([1, 2, 3]);
        // Nothing of the parts is left: a snapshot in parts at the same seq again reads only its own.
        journal.putSnapshotInParts(3, 3, Uint8Array.of(9), 1, () => undefined);
        expect([...journal.snapshotData(3)!]).toEqual([9]);
      } finally {
        journal.close();
      }
    });

    it("is void after a reset while it was written: nothing stored, no part left behind", () => {
      besideServer((builder, server) => {
        let pauses = 0;
        const stored = builder.putSnapshotInParts(2, 5, bytes(1), 2, () => {
          if (pauses++ === 1) server.truncate([["base", "{}"]], 5);
        });
        expect(stored).toBe(false);
        expect(server.snapshots()).toEqual([]);
        // The reset took the two parts written before it; the one written after it is dropped by the builder.
        expect(pauses).toBe(3 + 1);
        server.commit([op(3)]);
        server.putSnapshotInParts(server.lastSeq(), 6, Uint8Array.of(4), 2, () => undefined);
        expect([...server.snapshotData(server.lastSeq())!]).toEqual([4]);
      });
    });
  });
});
