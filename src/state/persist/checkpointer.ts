// The write-ahead log copied back into state.db on a thread of its own. A commit that finds the log
// past SQLite's threshold copies it back itself, and ends with a sync of the file: 25 to 50 ms on the
// server's thread every few seconds of steady writes, with every request in flight waiting on it.
// Here the server's connection never does it: a small worker, its own connection to the same file,
// runs a passive checkpoint (it waits for no one, and no commit waits for it) every so many commits.
// Should the worker fail, the server's connection goes back to checkpointing as it did.
import { Worker } from "node:worker_threads";
import type { Logger } from "../../log.js";
import { AUTOCHECKPOINT_PAGES, type Journal } from "./journal.js";
import { bindingModule } from "./sqlite.js";

/** Commits between two checkpoints: a few megabytes of log, copied back in a few milliseconds off the server's thread. */
export const COMMITS_PER_CHECKPOINT = 512;

// CommonJS run by the worker as it is (eval): it loads no more than the binding.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const db = workerData.module ? new (require(workerData.module))(workerData.file) : new (require("node:sqlite").DatabaseSync)(workerData.file);
db.exec("PRAGMA busy_timeout = 10000");
db.exec("PRAGMA wal_autocheckpoint = 0");
parentPort.on("message", (m) => {
  if (m === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
    parentPort.postMessage("done");
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;

export class Checkpointer {
  private worker: Worker | undefined;
  private commits = 0;
  private busy = false;
  /** Checkpoints the worker ran (for tests). */
  done = 0;

  constructor(
    private readonly journal: Journal,
    private readonly logger: Logger,
  ) {
    const worker = new Worker(WORKER, { eval: true, workerData: { file: journal.file, module: bindingModule(journal.binding) } });
    worker.unref();
    worker.on("message", (m: unknown) => {
      this.busy = false;
      if (m === "done") this.done++;
      else this.fail(`a checkpoint failed (${(m as { error?: string }).error})`);
    });
    worker.on("error", (e) => this.fail(e.message));
    worker.on("exit", () => this.worker === worker && this.fail("its thread ended"));
    this.worker = worker;
    journal.autocheckpoint(0);
  }

  /** A batch was committed on the server's connection. */
  committed(): void {
    if (!this.worker || ++this.commits < COMMITS_PER_CHECKPOINT || this.busy) return;
    this.commits = 0;
    this.busy = true;
    this.worker.postMessage("checkpoint");
  }

  /** Before the server's connection closes (its close then copies back what is left, as the last connection). */
  close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return Promise.resolve();
    return new Promise<void>((resolve) => {
      // Waited for: an unreferenced thread would let the process end before it is done.
      worker.ref();
      worker.once("exit", () => resolve());
      worker.postMessage("close");
    });
  }

  private fail(reason: string): void {
    if (!this.worker) return;
    void this.worker.terminate();
    this.worker = undefined;
    this.logger.warn(`checkpoints go back to the server's thread: ${reason}`, { file: this.journal.file });
    try {
      this.journal.autocheckpoint(AUTOCHECKPOINT_PAGES);
    } catch {
      // the journal is closed: nothing left to checkpoint
    }
  }
}
