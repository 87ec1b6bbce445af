// Whether this thread is a snapshot builder (snapshotWorker.ts starts one with this mark in its
// data, and among its arguments). Its own small module, so that the command's entry point can tell
// without loading the builder, and with it every service, before it has even read its arguments.
// The arguments decide first: node:worker_threads costs every start a few milliseconds (README,
// "Start-up"), so it is loaded only in a thread that carries the mark.
import { createRequire } from "node:module";

export const SNAPSHOT_WORKER_MARK = "ecsLocalSnapshotWorker";

function markedWorker(): boolean {
  const { isMainThread, workerData } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  return !isMainThread && (workerData as Record<string, unknown> | undefined)?.[SNAPSHOT_WORKER_MARK] === true;
}

export const inSnapshotWorker = process.argv.includes(SNAPSHOT_WORKER_MARK) && markedWorker();
