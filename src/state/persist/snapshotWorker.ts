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
import { activityCounter, Pacer, restFor, touch } from "./pacer.js";
import { JournalFollower } from "./replay.js";
import { inSnapshotWorker, SNAPSHOT_WORKER_MARK } from "./snapshotThread.js";
import { toBackground } from "./threadPriority.js";

/** A snapshot the worker wrote to the state directory itself (stored: false when a reset since made it void). */
export interface SnapshotBuilt {
  seq: number;
  at: number;
  bytes: number;
  /** The journal entries replayed for it (the worker keeps its state: only those since its last). */
  replayed: number;
  /** Milliseconds the worker worked on it, its rests while the server was busy left out (pacer.ts). */
  workedMs: number;
  stored: boolean;
}

export interface SnapshotJob {
  done: Promise<SnapshotBuilt>;
}

/**
 * One worker for the server's life, or while it is needed: it keeps the state it rebuilt, so each
 * snapshot after the first replays only the entries since the one before (see JournalFollower).
 */
export interface SnapshotBuilder {
  /** Starts a snapshot (one at a time): the worker starts with the first one. */
  build(): SnapshotJob;
  /**
   * Ends the worker and the state it holds (a reset, a stop, or no snapshot for a while): at once,
   * unless it is writing (a transaction cut off could hold the file's write lock): then once it has
   * written, and what it wrote a reset made void is not stored (it checks). Settles once its thread
   * (and its connection to the file) has ended.
   */
  discard(): Promise<void>;
  /** A request came in (the server's thread, every request): a build under way goes slower meanwhile. */
  touch(): void;
}

/**
 * The builder's rest after each part it writes: the server commits once per turn of its event loop
 * (a millisecond or so under load), so it finds the lock free in this time rather than sleeping in
 * SQLite's busy handler until the whole snapshot is in.
 */
const PAUSE_MS = 2;
/** A worker no snapshot has needed for this long ends, and its copy of the state with it. */
export const BUILDER_IDLE_MS = 60_000;

interface WorkerInput {
  [SNAPSHOT_WORKER_MARK]: true;
  dir: string;
  config: ConfigOverrides;
  /** The server's request counter (pacer.ts). */
  activity: SharedArrayBuffer;
}

type WorkerOutput = { writing: true } | { built: SnapshotBuilt } | { error: string; refused: boolean };
type WorkerCommand = "build" | "exit";

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

function startWorker(dir: string, config: ConfigOverrides, activity: Int32Array): Worker {
  const here = import.meta.url;
  const data: WorkerInput = { [SNAPSHOT_WORKER_MARK]: true, dir, config, activity: activity.buffer as SharedArrayBuffer };
  const worker = here.endsWith(".ts")
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then((m) => m.register()).then(() => import(${JSON.stringify(here)}))`, { eval: true, workerData: data, argv: [SNAPSHOT_WORKER_MARK] })
    : new Worker(fileURLToPath(here), { workerData: data, argv: [SNAPSHOT_WORKER_MARK] });
  worker.unref();
  return worker;
}

/** The builder of the state directory `dir` (configured as the server is). */
export function snapshotBuilder(dir: string, config: ConfigOverrides): SnapshotBuilder {
  const activity = activityCounter();
  let worker: Worker | undefined;
  let writing = false;
  let idle: NodeJS.Timeout | undefined;
  let settle: { resolve(b: SnapshotBuilt): void; reject(e: unknown): void } | undefined;

  const ended = (w: Worker, why: unknown): void => {
    if (worker !== w) return;
    worker = undefined;
    writing = false;
    settle?.reject(why);
    settle = undefined;
  };
  /** The current worker's end (its thread, and with it its connection to the file). */
  let exited = Promise.resolve();
  const discard = (): Promise<void> => {
    clearTimeout(idle);
    const [w, wasWriting, gone] = [worker, writing, exited];
    if (!w) return Promise.resolve();
    // Forgotten at once: the next build starts a fresh worker, whatever this one still finishes.
    ended(w, new SnapshotWorkerError("the snapshot worker was ended", false));
    // Waited for (a stop settles once it has ended): an unreferenced thread would let the process end first.
    w.ref();
    if (wasWriting) w.postMessage("exit" satisfies WorkerCommand);
    else void w.terminate();
    return gone;
  };
  const open = (): Worker => {
    const w = startWorker(dir, config, activity);
    exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
    w.on("message", (m: WorkerOutput) => {
      if (worker !== w) return;
      if ("writing" in m) return void (writing = true);
      writing = false;
      const s = settle;
      settle = undefined;
      if ("built" in m) s?.resolve(m.built);
      else s?.reject(new SnapshotWorkerError(m.error, m.refused));
      idle = setTimeout(() => void discard(), BUILDER_IDLE_MS).unref();
    });
    w.once("error", (e) => ended(w, e));
    w.once("exit", (code) => ended(w, new SnapshotWorkerError(`the snapshot worker ended (exit code ${code})`, false)));
    return w;
  };
  return {
    build: () => {
      clearTimeout(idle);
      const done = new Promise<SnapshotBuilt>((resolve, reject) => {
        if (settle) return reject(new SnapshotWorkerError("a snapshot is already being built", false));
        settle = { resolve, reject };
        (worker ??= open()).postMessage("build" satisfies WorkerCommand);
      });
      done.catch(() => {});
      return { done };
    },
    discard,
    touch: () => touch(activity),
  };
}

/** The worker's side: builds on each "build", keeping the state it reached between builds. */
async function runSnapshotWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const logger = createLogger({ level: "silent" });
  const post = (m: WorkerOutput): void => port.postMessage(m);
  const base = defaultConfig({ ...input.config, stateDir: input.dir });
  let opened: ReturnType<typeof openState> | undefined;
  const activity = new Int32Array(input.activity);
  const ready = (async () => {
    opened = openState(input.dir, base.stateSync, undefined, logger, base.runtime, false);
    const config = { ...base, seed: opened.seed };
    const clock = new PersistentClock();
    const timeline = new Timeline(clock, false);
    const registry = createRegistry(config, timeline, { logger });
    // Every operation, loaded as a replay may need it: about 3 MB of code compiled, a third of a second
    // of the second core. Paced as a build is, since the first build starts under load.
    const pace = new Pacer(activity);
    for (const load of registry.loadSteps()) {
      await load();
      pace.step();
    }
    await registry.load();
    return { journal: opened.journal, follower: new JournalFollower({ opened, registry, timeline, clock, logger, resetAll: () => (timeline.clear(), registry.reset()) }) };
  })();
  ready.catch(() => {});
  port.on("message", (command: WorkerCommand) => {
    if (command === "exit") {
      opened?.journal.close();
      return void port.close();
    }
    void ready.then(
      ({ journal, follower }) => {
        try {
          const pace = new Pacer(activity);
          const priority = toBackground();
          let built: ReturnType<JournalFollower["follow"]> & { bytes: Uint8Array };
          try {
            const reached = journal.reading(() => follower.follow(pace));
            built = { ...reached, bytes: follower.capture(pace) };
          } finally {
            // Written from here: the server's thread never holds the bytes, nor waits for their INSERT
            // (only a commit of its own that falls inside it waits, as SQLite has one writer at a time),
            // and at the server's own priority, since its commits may wait for this one (and a worker
            // that refused goes on to the next build at it too).
            priority.restore();
          }
          post({ writing: true });
          // A part at a time, with the log copied back as it goes (not by the server's next commit) and a
          // pause after each part in which the server's commits get the write lock.
          const stored = journal.putSnapshotInParts(built.seq, built.at, built.bytes, 2, () => (restFor(PAUSE_MS), pace.look()));
          post({ built: { seq: built.seq, at: built.at, bytes: built.bytes.length, replayed: built.replayed, workedMs: Math.round(pace.worked()), stored } });
        } catch (e) {
          const refused = (e as Error).name === "SnapshotRefused";
          post({ error: (e as Error).message, refused });
          // A refusal comes after the replay, whose copy stays whole; any other failure may have cut
          // it (or the file) half-way: this worker ends, and the next build starts a fresh one.
          if (!refused) {
            journal.close();
            port.close();
          }
        }
      },
      (e: unknown) => post({ error: (e as Error).message, refused: false }),
    );
  });
}

if (inSnapshotWorker) void runSnapshotWorker(workerData as WorkerInput);
