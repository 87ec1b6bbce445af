// The journal's newest entries, appended to plain files before they reach state.db. A commit into
// SQLite cost the server's thread 14 to 32 µs a turn of 1 to 10 entries (six lock calls on the
// shared-memory file, two writes per page of log, the B-tree), most of the cost a state directory
// added to a write; one write(2) of the turn's lines costs a few. So the server appends each turn's entries to the newest
// tail file (`tail.<n>.log` beside state.db) and answers once that write returned: the lines are
// then in the kernel's hands, as safe against kill -9 as a commit to SQLite's log was (and synced to
// the disk with every turn under --state-sync full, as commits were). A writer thread of its own reads
// the lines back every few milliseconds and commits them into state.db in large batches, where
// every other reader (replay, the snapshot builder) finds them; it deletes a file once it has
// committed all of it and the server has gone on to the next. Before the server reads state.db
// itself (a snapshot, a reset, a stop) it waits for the writer to catch up. A start after a crash
// first commits what tail files are left (recoverTail); a line whose sequence number state.db already
// holds was committed before the crash and is skipped, and a last line without its end was never
// acknowledged and is dropped.
import { closeSync, fdatasyncSync, openSync, readdirSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Worker } from "node:worker_threads";
import { insertEntriesSql, ROWS_PER_INSERT, type Entry, type Journal } from "./journal.js";
import { bindingModule } from "./sqlite.js";

/** A tail file is left for the next once it holds this much (the writer deletes it once committed). */
export const TAIL_FILE_BYTES = 8 << 20;
/** How often the writer looks for new lines when nobody waits for it. */
const POLL_MS = 5;
/** How long a wait for the writer may take before the journal counts as failed (its commit waits 10 s at most for a lock). */
const WAIT_LIMIT_MS = 60_000;

const TAIL_NAME = /^tail\.(\d+)\.log$/;
const tailPath = (dir: string, n: number): string => join(dir, `tail.${n}.log`);

/** The tail files in `dir`, oldest first. */
function tailFiles(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => TAIL_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

// Shared Int32 slots between the server and the writer.
const PUBLISHED_FILE = 0; // the tail file the server appends to (0: none yet)
const PUBLISHED_BYTES = 1; // how much of it the server has written (whole turns)
const DONE_FILE = 2; // the file the writer has committed up to
const DONE_BYTES = 3; // and how much of it
const PROGRESS = 4; // bumped whenever DONE_* moves (what a waiting server waits on)
const WAKE = 5; // bumped by a server that waits (what the writer sleeps on)
const FAILED = 6; // 1 once the writer cannot go on
const ERROR_LENGTH = 7;
const CLOSING = 8; // 1: catch up, delete the last file, close
const RECOVERED = 9; // the entries a recovery committed
const SLOTS = 10;
const ERROR_ROOM = 2048;

// CommonJS run by the thread as it is (eval): it loads no more than the binding. In "recover" mode it
// commits what the files in the directory hold and ends; in "follow" mode it follows the server.
const WRITER = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const { dir, file, module, sync, statements, perInsert, mode, pollMs } = workerData;
const state = new Int32Array(workerData.state);
const errorText = new Uint8Array(workerData.error);
const tailPath = (n) => path.join(dir, "tail." + n + ".log");
let db, begin, commit;
const inserts = [];
let last = 0;
let current = 1, fd, offset = 0;

function fail(e) {
  const { written } = new TextEncoder().encodeInto(String((e && e.message) || e), errorText);
  Atomics.store(state, ${ERROR_LENGTH}, written);
  Atomics.store(state, ${FAILED}, 1);
  Atomics.add(state, ${PROGRESS}, 1);
  Atomics.notify(state, ${PROGRESS});
}

// Lines "seq at kind service operation context input", tab-separated (JSON text holds no raw tab or
// newline); an empty field is a null. Each follows on from state.db's last entry without a gap
// (recovering, lines it holds already are skipped). Recovering, the journal ends before the first
// line that is cut short or damaged (what a crash of the machine may leave), and \`cut\` says so.
let cut = false;
function parse(text, recovering) {
  const rows = [];
  let from = 0;
  for (let end = text.indexOf("\\n"); end >= 0; from = end + 1, end = text.indexOf("\\n", from)) {
    const f = text.slice(from, end).split("\\t");
    const seq = Number(f[0]);
    const at = Number(f[1]);
    const whole = f.length === 7 && Number.isSafeInteger(seq) && Number.isFinite(at) && f[2] !== "";
    // Recovering, a line state.db holds was committed before the crash; following, it would be one taken twice.
    if (recovering && whole && seq <= last) continue;
    if (!whole || seq !== last + 1) {
      if (recovering) return (cut = true), rows;
      throw new Error("a damaged line, or one out of order, in " + tailPath(current) + " at byte " + (offset + from));
    }
    rows.push(seq, at, f[2], f[3] || null, f[4] || null, f[5] || null, f[6] || null);
    last = seq;
  }
  if (recovering && from < text.length) cut = true;
  return rows;
}

function insert(rows) {
  const count = rows.length / 7;
  if (count === 0) return;
  begin.run();
  try {
    for (let from = 0; from < count; from += perInsert) {
      const n = Math.min(perInsert, count - from);
      const statement = (inserts[n] ??= db.prepare(statements[n]));
      statement.run(...rows.slice(from * 7, (from + n) * 7));
    }
    commit.run();
  } catch (e) {
    try { db.exec("ROLLBACK"); } catch {}
    throw e;
  }
}

function readFrom(fd, from, to) {
  const buffer = Buffer.allocUnsafe(to - from);
  let got = 0;
  while (got < buffer.length) {
    const n = fs.readSync(fd, buffer, got, buffer.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.toString("utf8", 0, got);
}

function recover() {
  const before = last;
  const files = fs.readdirSync(dir).map((n) => /^tail\\.(\\d+)\\.log$/.exec(n)).filter(Boolean).map((m) => Number(m[1])).sort((a, b) => a - b);
  for (const n of files) {
    if (cut) break;
    const fd = fs.openSync(tailPath(n), "r");
    try {
      insert(parse(readFrom(fd, 0, fs.fstatSync(fd).size), true));
    } finally {
      fs.closeSync(fd);
    }
  }
  for (const n of files) fs.unlinkSync(tailPath(n));
  Atomics.store(state, ${RECOVERED}, last - before);
}

function publish() {
  Atomics.store(state, ${DONE_FILE}, current);
  Atomics.store(state, ${DONE_BYTES}, offset);
  Atomics.add(state, ${PROGRESS}, 1);
  Atomics.notify(state, ${PROGRESS});
}
function catchUp() {
  for (;;) {
    let published, bytes;
    do {
      published = Atomics.load(state, ${PUBLISHED_FILE});
      bytes = Atomics.load(state, ${PUBLISHED_BYTES});
    } while (published !== Atomics.load(state, ${PUBLISHED_FILE}));
    if (published < current) return;
    if (fd === undefined) {
      fd = fs.openSync(tailPath(current), "r");
      // A reset rewrote state.db (its own entry took the next number) before the server began this file.
      last = db.prepare("SELECT max(seq) AS seq FROM entries").get().seq ?? 0;
    }
    // A file the server has left is read to its end; the one it appends to, as far as it said.
    const end = published === current ? bytes : fs.fstatSync(fd).size;
    if (offset < end) {
      insert(parse(readFrom(fd, offset, end), false));
      offset = end;
    }
    const closing = published === current && Atomics.load(state, ${CLOSING}) === 1;
    if (published === current && !closing) return publish();
    // Left by the server (or the last, at a stop): all of it is in state.db.
    fs.closeSync(fd);
    fd = undefined;
    fs.unlinkSync(tailPath(current));
    current++;
    offset = 0;
    publish();
    if (closing) return;
  }
}

try {
  db = module ? new (require(module))(file) : new (require("node:sqlite").DatabaseSync)(file);
  db.exec("PRAGMA busy_timeout = 10000");
  db.exec("PRAGMA synchronous = " + sync);
  // Its commits copy the log back into state.db themselves (SQLite's default, 1000 pages), here, off the server's thread.
  db.exec("PRAGMA wal_autocheckpoint = 1000");
  begin = db.prepare("BEGIN IMMEDIATE");
  commit = db.prepare("COMMIT");
  last = db.prepare("SELECT max(seq) AS seq FROM entries").get().seq ?? 0;
  if (mode === "recover") {
    recover();
    publish();
  } else {
    // Ready: the server waits for this before it hands anything over.
    Atomics.add(state, ${PROGRESS}, 1);
    Atomics.notify(state, ${PROGRESS});
    for (;;) {
      const wake = Atomics.load(state, ${WAKE});
      const closing = Atomics.load(state, ${CLOSING}) === 1;
      catchUp();
      if (closing) break;
      Atomics.wait(state, ${WAKE}, wake, pollMs);
    }
  }
} catch (e) {
  fail(e);
}
if (db) try { db.close(); } catch {}
`;

function startWriter(journal: Journal, mode: "recover" | "follow"): { worker: Worker; state: Int32Array; errorText: Uint8Array } {
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
  const errorText = new Uint8Array(new SharedArrayBuffer(ERROR_ROOM));
  const statements = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, n) => (n ? insertEntriesSql(n, true) : ""));
  // Loaded here, not with the module: open.ts imports this at every start, and node:worker_threads costs a start a few milliseconds (README, "Start-up").
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  const worker = new Worker(WRITER, {
    eval: true,
    // Not the server's flags: its source is CommonJS as it stands, whatever --input-type or loader the server was started with.
    execArgv: [],
    workerData: {
      dir: dirname(journal.file),
      file: journal.file,
      module: bindingModule(journal.binding),
      sync: journal.sync,
      statements,
      perInsert: ROWS_PER_INSERT,
      mode,
      pollMs: POLL_MS,
      state: state.buffer,
      error: errorText.buffer,
    },
  });
  worker.unref();
  return { worker, state, errorText };
}

function errorOf(journal: Journal, state: Int32Array, errorText: Uint8Array): Error | undefined {
  if (Atomics.load(state, FAILED) !== 1) return undefined;
  return new Error(`${journal.file}: ${Buffer.from(errorText.subarray(0, Atomics.load(state, ERROR_LENGTH))).toString("utf8")}`);
}

/** Waits (blocking) until `done()` or the writer failed; false when it did not answer within the limit. */
function waitFor(state: Int32Array, done: () => boolean): boolean {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let seen = Atomics.load(state, PROGRESS); !done() && Atomics.load(state, FAILED) !== 1; seen = Atomics.load(state, PROGRESS)) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(state, PROGRESS, seen, left);
  }
  return true;
}

/**
 * At a server's start, before anything reads state.db: commits what the tail files left by a run
 * that did not stop cleanly hold, and deletes them; how many entries that was. Throws when it cannot.
 */
export function recoverTail(journal: Journal): number {
  if (tailFiles(dirname(journal.file)).length === 0) return 0;
  const { worker, state, errorText } = startWriter(journal, "recover");
  const answered = waitFor(state, () => Atomics.load(state, PROGRESS) > 0);
  const error = errorOf(journal, state, errorText) ?? (answered ? undefined : new Error(`${journal.file}: the tail files were not committed within ${WAIT_LIMIT_MS / 1000} s`));
  void worker.terminate();
  if (error) throw error;
  return Atomics.load(state, RECOVERED);
}

/** The server's side: appends each turn's entries to the newest tail file; a thread commits them into state.db. */
export class TailLog {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly errorText: Uint8Array;
  private readonly dir: string;
  private file = 0;
  private fd: number | undefined;
  private bytes = 0;
  private nextSeq: number;
  private stopped: Error | undefined;
  private exited: Promise<void>;

  /** `fileBytes`: when to go on to the next file (smaller in tests). */
  constructor(
    private readonly journal: Journal,
    private readonly fileBytes = TAIL_FILE_BYTES,
  ) {
    this.dir = dirname(journal.file);
    ({ worker: this.worker, state: this.state, errorText: this.errorText } = startWriter(journal, "follow"));
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.on("error", (e) => (this.stopped ??= new Error(`${journal.file}: the journal's writer failed (${e.message})`)));
    this.worker.once("exit", () => (this.stopped ??= new Error(`${journal.file}: the journal's writer ended`)));
    // Its start is waited for (tens of milliseconds): a server whose journal cannot be written does not start.
    const ready = waitFor(this.state, () => Atomics.load(this.state, PROGRESS) > 0);
    const failure = this.failure() ?? (ready ? undefined : new Error(`${journal.file}: the journal's writer did not start within ${WAIT_LIMIT_MS / 1000} s`));
    if (failure) {
      void this.worker.terminate();
      throw failure;
    }
    this.nextSeq = journal.lastSeq() + 1;
    this.next();
  }

  /** Why the journal cannot be written any more (the writer failed), if it cannot. */
  failure(): Error | undefined {
    return errorOf(this.journal, this.state, this.errorText) ?? this.stopped;
  }

  /** Appends a turn's entries: they are in the journal when this returns (throws when they could not be written). */
  append(batch: Entry[]): void {
    let text = "";
    for (const e of batch) {
      text += `${this.nextSeq++}\t${e.at}\t${e.kind}\t${e.service ?? ""}\t${e.operation ?? ""}\t${e.context ?? ""}\t${e.input ?? ""}\n`;
    }
    // The string as it is (no Buffer made for it); a short write, which a regular file does not make but
    // for a full disk (then the next throws), goes on from where it stopped.
    let bytes = writeSync(this.fd!, text);
    if (bytes < Buffer.byteLength(text, "utf8")) {
      const data = Buffer.from(text, "utf8");
      while (bytes < data.length) bytes += writeSync(this.fd!, data, bytes);
    }
    if (this.journal.sync === "FULL") fdatasyncSync(this.fd!);
    this.bytes += bytes;
    Atomics.store(this.state, PUBLISHED_BYTES, this.bytes);
    if (this.bytes >= this.fileBytes) this.next();
  }

  /** Blocks until the writer has committed every line appended (what state.db says is then the whole journal); throws when it cannot. */
  drain(): void {
    const failure = this.failure();
    if (failure) throw failure;
    // Closed: the writer committed everything on its way out.
    if (this.fd === undefined) return;
    const [file, bytes] = [this.file, this.bytes];
    Atomics.add(this.state, WAKE, 1);
    Atomics.notify(this.state, WAKE);
    const caughtUp = waitFor(this.state, () => Atomics.load(this.state, DONE_FILE) === file && Atomics.load(this.state, DONE_BYTES) === bytes);
    const error = this.failure() ?? (caughtUp ? undefined : new Error(`${this.journal.file}: the journal's writer did not catch up within ${WAIT_LIMIT_MS / 1000} s`));
    if (error) throw (this.stopped = error);
  }

  /** After state.db was rewritten from here (a reset): entries go on after its last one, in a new file. */
  restart(): void {
    this.nextSeq = this.journal.lastSeq() + 1;
    this.next();
  }

  /** Commits what is left and ends the writer, which deletes the last file; settles once its thread has ended. */
  close(): Promise<void> {
    if (this.fd === undefined) return this.exited;
    closeSync(this.fd);
    this.fd = undefined;
    Atomics.store(this.state, CLOSING, 1);
    Atomics.add(this.state, WAKE, 1);
    Atomics.notify(this.state, WAKE);
    this.worker.ref();
    return this.exited;
  }

  /** Starts the next tail file (the writer deletes the one before once it has committed all of it). */
  private next(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    const file = this.file + 1;
    const path = tailPath(this.dir, file);
    // Truncated if there: nothing this run wrote (recoverTail deleted every file before it), so a stray copy is not appended to.
    this.fd = openSync(path, "w");
    this.file = file;
    this.bytes = 0;
    Atomics.store(this.state, PUBLISHED_BYTES, 0);
    Atomics.store(this.state, PUBLISHED_FILE, file);
  }
}
