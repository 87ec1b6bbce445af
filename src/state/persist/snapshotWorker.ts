// Snapshots built off the main thread. The services are deterministic given the journal, so a worker
// can open the same state directory, build fresh services, install the newest snapshot, replay the
// entries after it and write the state it reached down, a part at a time so that the server's own
// commits never wait long for SQLite's one write lock: the server only decides when. The worker
// runs this very module: from sources it registers tsx first (a worker does not inherit the
// loader), from the bundle it runs the bundle, whose modules see the worker's data and do nothing
// else (main.ts starts no server there).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { defaultConfig, type ConfigOverrides } from "../../config.js";
import { Timeline } from "../../engine/timeline.js";
import { createLogger } from "../../log.js";
import { createRegistry } from "../../services/registry.js";
import { openState, PersistentClock } from "./persistence.js";
import { buildSnapshot } from "./replay.js";
import { inSnapshotWorker, SNAPSHOT_WORKER_MARK } from "./snapshotThread.js";
import { toBackground } from "./threadPriority.js";

/** A snapshot the worker wrote to the state directory itself (stored: false when a reset since made it void). */
export interface SnapshotBuilt {
  seq: number;
  at: number;
  bytes: number;
  stored: boolean;
}

export interface SnapshotJob {
  done: Promise<SnapshotBuilt>;
  /** Ends the worker, unless it is writing (a reset or a stop made its snapshot useless: it checks, and stores nothing then). */
  stop(): void;
}

/**
 * The builder's rest after each part it writes: the server commits once per turn of its event loop
 * (a millisecond or so under load), so it finds the lock free in this time rather than sleeping in
 * SQLite's busy handler until the whole snapshot is in.
 */
const PAUSE_MS = 2;
const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

interface WorkerInput {
  [SNAPSHOT_WORKER_MARK]: true;
  dir: string;
  config: ConfigOverrides;
}

type WorkerOutput = { built: SnapshotBuilt } | { error: string; refused: boolean };


/** Why a worker gave no snapshot: refused (something in the state cannot be kept) or failed. */
export class SnapshotWorkerError extends Error {
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/** tsx's ESM API (its `import` condition), wherever this module is loaded from (tsx, vitest). */
function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve("tsx/package.json");
  return pathToFileURL(join(dirname(pkg), "dist", "esm", "api", "index.mjs")).href;
}

/** Starts a worker that builds a snapshot of the state directory `dir` (configured as the server is). */
export function buildInWorker(dir: string, config: ConfigOverrides): SnapshotJob {
  const here = import.meta.url;
  const data: WorkerInput = { [SNAPSHOT_WORKER_MARK]: true, dir, config };
  const worker = here.endsWith(".ts")
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then((m) => m.register()).then(() => import(${JSON.stringify(here)}))`, { eval: true, workerData: data, argv: [SNAPSHOT_WORKER_MARK] })
    : new Worker(fileURLToPath(here), { workerData: data, argv: [SNAPSHOT_WORKER_MARK] });
  worker.unref();
  // Once it writes, it is left to finish: a transaction cut off could hold the file's write lock.
  let writing = false;
  const done = new Promise<SnapshotBuilt>((resolve, reject) => {
    worker.on("message", (m: WorkerOutput | { writing: true }) => {
      if ("writing" in m) writing = true;
      else if ("built" in m) resolve(m.built);
      else reject(new SnapshotWorkerError(m.error, m.refused));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new SnapshotWorkerError(`the snapshot worker ended (exit code ${code})`, false)));
  });
  done.catch(() => {});
  return {
    done,
    stop: () => {
      if (!writing) void worker.terminate();
    },
  };
}

async function runSnapshotWorker(input: WorkerInput): Promise<void> {
  const logger = createLogger({ level: "silent" });
  let out: WorkerOutput;
  try {
    const base = defaultConfig({ ...input.config, stateDir: input.dir });
    const opened = openState(input.dir, base.stateSync, undefined, logger, base.runtime, false);
    try {
      const config = { ...base, seed: opened.seed };
      const clock = new PersistentClock();
      const timeline = new Timeline(clock, false);
      const registry = createRegistry(config, timeline, { logger });
      await registry.load();
      const priority = toBackground();
      const built = opened.journal.reading(() => buildSnapshot({ opened, registry, timeline, clock, logger, resetAll: () => (timeline.clear(), registry.reset()) }));
      // Written from here: the server's thread never holds the bytes, nor waits for their INSERT
      // (only a commit of its own that falls inside it waits, as SQLite has one writer at a time),
      // and at the server's own priority, since its commits may wait for this one.
      priority.restore();
      parentPort!.postMessage({ writing: true });
      // A part at a time, with the log copied back as it goes (not by the server's next commit) and a
      // pause after each part in which the server's commits get the write lock.
      const stored = opened.journal.putSnapshotInParts(built.seq, built.at, built.bytes, 2, () => sleep(PAUSE_MS));
      out = { built: { seq: built.seq, at: built.at, bytes: built.bytes.length, stored } };
    } finally {
      opened.journal.close();
    }
  } catch (e) {
    out = { error: (e as Error).message, refused: (e as Error).name === "SnapshotRefused" };
  }
  parentPort!.postMessage(out);
}

if (inSnapshotWorker) void runSnapshotWorker(workerData as WorkerInput);
