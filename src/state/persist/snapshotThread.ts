// Whether this thread is a snapshot builder (snapshotWorker.ts starts one with this mark in its
// data). Its own small module, so that the command's entry point can tell without loading the
// builder, and with it every service, before it has even read its arguments.
import { isMainThread, workerData } from "node:worker_threads";

export const SNAPSHOT_WORKER_MARK = "ecsLocalSnapshotWorker";

export const inSnapshotWorker = !isMainThread && (workerData as Record<string, unknown> | undefined)?.[SNAPSHOT_WORKER_MARK] === true;
