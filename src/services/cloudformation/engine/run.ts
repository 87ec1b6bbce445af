// A stack operation on the server's clock: each step settles what is running, starts every action
// whose dependencies are done, and moves the stack through its statuses when a phase ends. Steps are
// timeline timers, so a replayed journal repeats them and tests step through them by moving the clock.
import { defineTimer } from "../../../engine/timers.js";
import type { Action, CloudFormationBackend, CloudFormationState, Run, RunKind, StackRecord, Waker } from "../context.js";
import type { RequestContext } from "../../../protocol/context.js";
import { resourceEvent } from "../domain/events.js";
import { envOf, type Env } from "./env.js";
import { settleAction, settledNow, startAction } from "./actions.js";
import { finishPhase, failRun } from "./phases.js";

/** A step that only waited comes back after this long, unless the resource settles before (wakeWhenSettled). */
const IDLE_MS = 1_000;

export interface RunOptions {
  token?: string;
  retain?: string[];
  undo?: Run["undo"];
  policy?: Run["policy"];
  /** TimeoutInMinutes of a creation: past it, what runs is cancelled and the stack rolls back. */
  timeoutMs?: number;
}

export function startRun(backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord, kind: RunKind, actions: Action[], request: RequestContext, options: RunOptions = {}): void {
  backend.timeline.cancel(rec.run?.timer);
  const { timeoutMs, ...rest } = options;
  const run: Run = { kind, phase: "main", actions, cleanup: [], request, imports: new Set(), ...rest };
  rec.run = run;
  schedule(backend, state, rec, backend.stepMs);
  if (timeoutMs !== undefined) {
    backend.timeline.callAfter(timeoutMs, TIMED_OUT, backend, state, rec, run);
  }
}

const TIMED_OUT = defineTimer("cloudformation.timedOut", (backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord, run: Run) => {
  if (rec.run !== run || run.phase !== "main") return;
  const then = rec.onFailureDelete ? "Delete" : "Rollback";
  Object.assign(run, { cancelled: true, reason: `Stack creation time exceeded the specified timeout.${rec.current.disableRollback ? "" : ` ${then} requested by user.`}` });
  backend.timeline.cancel(run.timer);
  schedule(backend, state, rec, 0);
});

export function schedule(backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord, delay: number): void {
  const run = rec.run!;
  run.timer = backend.timeline.callAfter(delay, STEP, backend, state, rec, run);
}

const finished = (a: Action | undefined) => a === undefined || a.state === "done" || a.state === "skipped";

/** Looks after each batch of due work whether a running resource has settled, and steps at once when one has. */
function wakeWhenSettled(backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord, run: Run): void {
  backend.wakers.add({ state, rec, run, timer: run.timer! });
}

/** A waiting operation's look after a batch of due work (service.ts). */
export function wakeIfSettled(backend: CloudFormationBackend, w: Waker): void {
  const { state, rec, run, timer } = w;
  if (rec.run !== run || run.timer !== timer) return void backend.wakers.delete(w);
  const env = envOf(backend, state, rec);
  if (!run.actions.some((a) => a.state === "running" && settledNow(env, rec, a))) return;
  backend.wakers.delete(w);
  backend.timeline.cancel(timer);
  schedule(backend, state, rec, backend.stepMs);
}

function step(backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord, run: Run): void {
  if (rec.run !== run) return;
  const env = envOf(backend, state, rec);
  let progressed = false;
  for (const a of run.actions) {
    if (a.state !== "running") continue;
    settleAction(env, rec, a);
    if (a.state !== "running") progressed = true;
  }
  const stopping = () => run.cancelled || (run.phase === "main" && run.actions.some((a) => a.state === "failed"));
  if (stopping() && (run.kind === "CREATE" || run.kind === "UPDATE")) cancelRunning(env, rec, run);
  if (!stopping()) {
    // Actions that finish at once free their dependents at the next step, as AWS's waves do.
    const byId = new Map(run.actions.filter((a) => a.kind !== "deleteOld").map((a) => [a.logicalId, a]));
    const ready = run.actions.filter((a) => a.state === "waiting" && a.after.every((d) => finished(byId.get(d))));
    for (const a of ready) if (!stopping()) startAction(env, rec, run, a);
    if (ready.length) progressed = true;
  }
  if (rec.run !== run) return;
  const running = run.actions.some((a) => a.state === "running");
  const waiting = !stopping() && run.actions.some((a) => a.state === "waiting");
  if (running || waiting) {
    if (progressed || !running) return schedule(backend, state, rec, backend.stepMs);
    schedule(backend, state, rec, Math.max(backend.stepMs, IDLE_MS));
    return wakeWhenSettled(backend, state, rec, run);
  }
  if (stopping() || (run.phase === "main" && run.actions.some((a) => a.state === "failed"))) failRun(env, rec, run, run.reason);
  else finishPhase(env, rec, run);
}

const STEP = defineTimer("cloudformation.step", step);

function cancelRunning(env: Env, rec: StackRecord, run: Run): void {
  for (const a of run.actions) {
    if (a.state !== "running") continue;
    a.state = "failed";
    const r = rec.resources.get(a.logicalId);
    if (!r) continue;
    const create = a.kind === "create";
    resourceEvent(env.backend, rec, r, create ? "CREATE_FAILED" : "UPDATE_FAILED", create ? "Resource creation cancelled" : "Resource update cancelled");
  }
}
