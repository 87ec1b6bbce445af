// The state directory's one file, state.db: an SQLite database in WAL mode holding the journal of
// every change (the requests that may change state, the moments due work ran, resets) in order,
// and a little metadata (format version, the seed every id derives from, the id source's position).
// A file this version does not know, or cannot read, is refused and left exactly as it was.
import { closeSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { openSqlite, type Sqlite, type Statement } from "./sqlite.js";

/** Bumped whenever what is stored changes meaning; a directory of another format is refused. */
export const FORMAT_VERSION = "1";
const HEADER = Buffer.from("SQLite format 3\0", "latin1");

export class StateDirError extends Error {
  override name = "StateDirError";
}

/** A request, a moment due work ran, a reset, or a report from the container runtime (real containers only). */
export type EntryKind = "op" | "tick" | "reset" | "event";

export interface Entry {
  kind: EntryKind;
  /** The clock (epoch ms) the change ran at. */
  at: number;
  service?: string;
  operation?: string;
  /** The request context and the validated input, as JSON (see encode). */
  context?: string;
  input?: string;
}

export interface StoredEntry extends Entry {
  seq: number;
}

/** Log pages a commit on the server's own connection lets pile up before it copies them back (its commits are few: tail.ts's writer commits the entries). */
const AUTOCHECKPOINT_PAGES = 16384;

/** The most entries one INSERT statement takes (a turn's entries go in as few statements as this allows). */
export const ROWS_PER_INSERT = 32;

/** The INSERT of `rows` entries in one statement; `withSeq`: each row's sequence number first (tail.ts's writer sets them). */
export function insertEntriesSql(rows: number, withSeq = false): string {
  const columns = withSeq ? "seq, at, kind, service, operation, context, input" : "at, kind, service, operation, context, input";
  const row = withSeq ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
  return `INSERT INTO entries (${columns}) VALUES ` + Array<string>(rows).fill(row).join(", ");
}

/** A builder's snapshot part: a transaction short enough (a millisecond or two) for the server's commits to wait on. */
export const SNAPSHOT_PART_BYTES = 1 << 20;
/** The log is copied back into the database every this many parts (each copy ends with a sync of the file). */
const PARTS_PER_CHECKPOINT = 8;
/** The parts of snapshots that are not kept. */
const ORPHAN_PARTS = "seq NOT IN (SELECT seq FROM snapshots)";
const EMPTY = new Uint8Array(0);

export class Journal {
  /** By row count: the INSERT of that many entries at once (one call into SQLite instead of one per entry). */
  private readonly inserts: Statement[] = [];
  private readonly setMeta: Statement;
  private closed = false;

  private constructor(
    private readonly db: Sqlite,
    readonly file: string,
    /** PRAGMA synchronous of every connection that writes entries (tail.ts's writer). */
    readonly sync: "NORMAL" | "FULL",
  ) {
    this.setMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }

  /** The SQLite binding in use ("better-sqlite3" or "node:sqlite"). */
  get binding(): string {
    return this.db.binding;
  }

  /** Opens (or creates) `dir`/state.db; throws StateDirError naming the file when it cannot be used as it is. */
  /** `check`: the integrity check of an existing file (a snapshot builder, opening it beside the server, skips it). */
  static open(dir: string, sync: "normal" | "full" = "normal", check = true): Journal {
    const file = join(dir, "state.db");
    const refuse = (why: string): never => {
      throw new StateDirError(`${file}: ${why}; the state directory was left as it is (move it away, or point --state-dir elsewhere)`);
    };
    let existed = false;
    try {
      existed = statSync(file).isFile() || refuse("not a regular file");
    } catch (e) {
      if (e instanceof StateDirError) throw e;
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") refuse(`cannot be read (${(e as Error).message})`);
    }
    if (existed) {
      // Checked before SQLite opens it: nothing but a database of ours is ever written to.
      const head = Buffer.alloc(HEADER.length);
      const fd = openSync(file, "r");
      try {
        readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
      if (!head.equals(HEADER)) refuse("not an ecs-local state file (damaged, or something else)");
    } else {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        refuse(`cannot create the state directory (${(e as Error).message})`);
      }
    }
    let db: Sqlite;
    try {
      db = openSqlite(file);
    } catch (e) {
      return refuse(`cannot be opened (${(e as Error).message})`);
    }
    try {
      if (existed && check) {
        const result = Object.values((db.prepare("PRAGMA quick_check").get() as object) ?? {})[0];
        if (result !== "ok") throw new Error(`integrity check: ${String(result)}`);
      }
      if (existed) {
        const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
        if (!hasMeta) throw new StateDirError("no format version: not an ecs-local state file");
        const format = (db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined)?.value;
        if (format !== FORMAT_VERSION) {
          throw new StateDirError(`format version ${JSON.stringify(format ?? null)} is not the one this ecs-local reads (${FORMAT_VERSION})`);
        }
      }
      // WAL: a commit appends to the log with write(2) before it returns, so it survives the process
      // (kill -9, a crash, an OOM kill). NORMAL syncs the log to the disk at checkpoints only: a crash
      // of the machine may lose the last commits. FULL syncs at every commit (survives that too, as far
      // as the disk keeps its word), at a few milliseconds per commit on the event loop.
      db.exec("PRAGMA journal_mode = WAL");
      db.exec(`PRAGMA synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
      // A checkpoint (WAL back into the database, with its syncs) blocks the thread that runs it: every
      // 16k pages (64 MiB) instead of SQLite's 1k. The entries are committed, and the log copied back,
      // by the journal's writer on its own thread (tail.ts); the server's connection writes little.
      db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      // A snapshot builder writes beside the server: each waits for the other's transaction instead of failing.
      db.exec("PRAGMA busy_timeout = 10000");
      // Snapshots came after the format: a journal without the table gets it (older builds ignore it).
      db.exec("CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, at REAL NOT NULL, data BLOB NOT NULL)");
      // A builder's snapshot goes in a part at a time (see putSnapshotInParts); its row in snapshots
      // then holds no bytes. Older builds find an empty snapshot, refuse it and replay the journal.
      db.exec("CREATE TABLE IF NOT EXISTS snapshot_parts (seq INTEGER NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (seq, part))");
      if (!existed) {
        db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE entries (seq INTEGER PRIMARY KEY, at REAL NOT NULL, kind TEXT NOT NULL,
            service TEXT, operation TEXT, context TEXT, input TEXT);`);
        db.prepare("INSERT INTO meta (key, value) VALUES ('format', ?)").run(FORMAT_VERSION);
      }
    } catch (e) {
      db.close();
      if (e instanceof StateDirError) return refuse(e.message);
      return refuse(`damaged (${(e as Error).message})`);
    }
    return new Journal(db, file, sync === "full" ? "FULL" : "NORMAL");
  }

  meta(key: string): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  putMeta(key: string, value: string): void {
    this.setMeta.run(key, value);
  }

  /** The sequence number of the last entry (0 when there is none). */
  lastSeq(): number {
    return (this.db.prepare("SELECT max(seq) AS seq FROM entries").get() as { seq: number | null }).seq ?? 0;
  }

  /** Whether the journal holds anything to replay: an entry other than a reset (a reset leaves one, itself). */
  holdsChanges(): boolean {
    return this.db.prepare("SELECT 1 FROM entries WHERE kind != 'reset' LIMIT 1").get() != null;
  }

  /** Whether entry `seq` is in the journal (a reset deletes every entry, and no seq is used again). */
  hasEntry(seq: number): boolean {
    return this.db.prepare("SELECT 1 FROM entries WHERE seq = ?").get(seq) != null;
  }

  /** Every entry after `after` in order, read a page at a time. */
  *entries(after = 0): IterableIterator<StoredEntry> {
    const page = this.db.prepare("SELECT seq, at, kind, service, operation, context, input FROM entries WHERE seq > ? ORDER BY seq LIMIT 1000");
    for (;;) {
      const rows = page.all(after) as StoredEntry[];
      if (rows.length === 0) return;
      for (const r of rows) yield r;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Appends entries and sets metadata in one transaction, durable when this returns. */
  commit(entries: Entry[], meta: [string, string][] = []): void {
    // One statement is a transaction of its own (all of its rows or none): a turn's entries, as a
    // rule a few, skip the BEGIN and COMMIT that cost more than the rows.
    if (meta.length === 0 && entries.length <= ROWS_PER_INSERT) return void (entries.length && this.insertRows(entries, 0, entries.length));
    this.db.transaction(() => {
      for (let from = 0; from < entries.length; from += ROWS_PER_INSERT) this.insertRows(entries, from, Math.min(entries.length, from + ROWS_PER_INSERT));
      for (const [k, v] of meta) this.setMeta.run(k, v);
    });
  }

  /** Inserts entries[from, to) in one statement: the rows take their sequence numbers in this order. */
  private insertRows(entries: Entry[], from: number, to: number): void {
    const rows = to - from;
    const insert = (this.inserts[rows] ??= this.db.prepare(insertEntriesSql(rows)));
    const params: unknown[] = new Array(rows * 6);
    for (let i = from, p = 0; i < to; i++) {
      const e = entries[i];
      params[p++] = e.at;
      params[p++] = e.kind;
      params[p++] = e.service ?? null;
      params[p++] = e.operation ?? null;
      params[p++] = e.context ?? null;
      params[p++] = e.input ?? null;
    }
    insert.run(...params);
  }

  /**
   * Runs `fn` in one read transaction: every read in it sees the file as it was when it began, whatever
   * the server commits meanwhile (a snapshot builder's replay never mixes a reset's before and after).
   */
  reading<T>(fn: () => T): T {
    this.db.exec("BEGIN");
    try {
      return fn();
    } finally {
      if (!this.closed) this.db.exec("COMMIT");
    }
  }

  /** The snapshots kept, newest first, without their data. */
  snapshots(): { seq: number; at: number }[] {
    return this.db.prepare("SELECT seq, at FROM snapshots ORDER BY seq DESC").all() as { seq: number; at: number }[];
  }

  snapshotData(seq: number): Uint8Array | undefined {
    const data = (this.db.prepare("SELECT data FROM snapshots WHERE seq = ?").get(seq) as { data: Uint8Array } | undefined)?.data;
    if (data === undefined || data.length > 0) return data;
    const parts = this.db.prepare("SELECT data FROM snapshot_parts WHERE seq = ? ORDER BY part").all(seq) as { data: Uint8Array }[];
    return Buffer.concat(parts.map((p) => p.data));
  }

  /**
   * Stores the state as of entry `seq` in its own transaction (a write that dies half-way leaves the
   * previous snapshots as they were), keeping the newest `keep`.
   */
  putSnapshot(seq: number, at: number, data: Uint8Array, keep = 2, builder = false): boolean {
    let stored = false;
    this.db.transaction(() => {
      // A builder's snapshot is of the journal as it was when it read it (in one read transaction):
      // a reset since (which deletes every entry, and no seq is ever used again) made it void.
      if (builder && !this.hasEntry(seq)) return;
      this.db.prepare("INSERT OR REPLACE INTO snapshots (seq, at, data) VALUES (?, ?, ?)").run(seq, at, data);
      this.db.prepare("DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?)").run(keep);
      this.db.exec(`DELETE FROM snapshot_parts WHERE ${ORPHAN_PARTS}`);
      stored = true;
    });
    return stored;
  }

  /**
   * putSnapshot for a builder beside a running server, which never holds SQLite's one write lock for
   * long: a snapshot of a large state is a hundred megabytes and more, and written in one transaction
   * it held the server's commits (and every request waiting on one) for a third of a second and more.
   * Here each part is a transaction of its own, the log is copied back every few parts (here, off the
   * server's thread), and `pause` after each gives the server room to commit; the snapshot counts
   * only once its row is in, in a last small transaction, and the parts of the snapshots it replaces
   * go one at a time after it.
   */
  putSnapshotInParts(seq: number, at: number, data: Uint8Array, keep: number, pause: () => void): boolean {
    // A reset since the builder read the journal made its snapshot void.
    if (!this.hasEntry(seq)) return false;
    const insert = this.db.prepare("INSERT OR REPLACE INTO snapshot_parts (seq, part, data) VALUES (?, ?, ?)");
    for (let part = 0, from = 0; from < data.length; part++, from += SNAPSHOT_PART_BYTES) {
      insert.run(seq, part, data.subarray(from, Math.min(data.length, from + SNAPSHOT_PART_BYTES)));
      if (part % PARTS_PER_CHECKPOINT === PARTS_PER_CHECKPOINT - 1) this.checkpoint();
      pause();
    }
    this.checkpoint();
    const parts = Math.ceil(data.length / SNAPSHOT_PART_BYTES);
    let stored = false;
    this.db.transaction(() => {
      // Void after a reset, or when the server's own snapshot at a stop took parts it did not know of.
      if (!this.hasEntry(seq) || (this.db.prepare("SELECT count(*) AS n FROM snapshot_parts WHERE seq = ?").get(seq) as { n: number }).n !== parts) return;
      this.db.prepare("INSERT OR REPLACE INTO snapshots (seq, at, data) VALUES (?, ?, ?)").run(seq, at, EMPTY);
      this.db.prepare("DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?)").run(keep);
      stored = true;
    });
    // What no kept snapshot reads (the replaced ones', or this one's when a reset made it void).
    const drop = this.db.prepare("DELETE FROM snapshot_parts WHERE seq = ? AND part = ?");
    const orphans = this.db.prepare(`SELECT seq, part FROM snapshot_parts WHERE ${ORPHAN_PARTS}`).all() as { seq: number; part: number }[];
    orphans.forEach(({ seq: old, part }, i) => {
      drop.run(old, part);
      if (i % PARTS_PER_CHECKPOINT === PARTS_PER_CHECKPOINT - 1) this.checkpoint();
      pause();
    });
    this.checkpoint();
    return stored;
  }

  /**
   * Copies what the log holds into the database as far as no reader needs it, without waiting for
   * anyone (PASSIVE): a builder runs it after writing a snapshot, so that the tens of megabytes it
   * just added are not copied by the server's next commit, on the event loop.
   */
  checkpoint(): void {
    this.db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  }

  /** Deletes the snapshot of `seq` (one this build could not use). */
  dropSnapshot(seq: number): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM snapshots WHERE seq = ?").run(seq);
      this.db.prepare("DELETE FROM snapshot_parts WHERE seq = ?").run(seq);
    });
  }

  /**
   * Deletes every entry (and snapshot) and sets metadata in one transaction: the journal starts over
   * from `meta`, with one entry, the reset at `at`. A sequence number is never used twice (a builder
   * tells by it that a reset voided what it read): that entry takes the next one, and every later
   * entry follows it. (SQLite's AUTOINCREMENT would keep that for us at a second row written by every
   * commit, a third of an entry's cost; files made before this keep it.)
   */
  truncate(meta: [string, string][], at: number): void {
    this.db.transaction(() => {
      const next = this.lastSeq() + 1;
      this.db.exec("DELETE FROM entries");
      this.db.prepare("INSERT INTO entries (seq, at, kind) VALUES (?, ?, 'reset')").run(next, at);
      this.db.exec("DELETE FROM snapshots");
      this.db.exec("DELETE FROM snapshot_parts");
      for (const [k, v] of meta) this.setMeta.run(k, v);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
