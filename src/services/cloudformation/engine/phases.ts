// What happens when a phase of a stack operation ends: the next phase, the stack's final status,
// or, after a failure, the rollback (or the failed status when rollback is disabled).
import type { Run, StackRecord } from "../context.js";
import { resourceEvent, stackEvent } from "../domain/events.js";
import { denied } from "../domain/stackPolicy.js";
import { forgetLater } from "../domain/retention.js";
import type { Env } from "./env.js";
import { checkExports, evaluateOutputs, publishOutputs } from "./outputs.js";
import { cleanupPlan, deletePlan, removedResources, updateRollbackPlan } from "./plans.js";
import { schedule, startRun } from "./run.js";

/** Outputs of the deployment now applied; a failure to make them is the operation's failure. */
function outputs(env: Env, rec: StackRecord, run: Run): boolean {
  try {
    const next = evaluateOutputs(env, rec);
    checkExports(env, rec, next);
    publishOutputs(env, rec, next);
    rec.imports = [...run.imports];
    return true;
  } catch (e) {
    failRun(env, rec, run, (e as Error).message);
    return false;
  }
}

function cleanup(env: Env, rec: StackRecord, run: Run, status: string, actions: Run["actions"]): void {
  stackEvent(env.backend, rec, status);
  run.phase = "cleanup";
  run.actions = actions;
  schedule(env.backend, env.state, rec, env.backend.stepMs);
}

/** The stack policy may forbid deleting what the update removes: the update then fails on that resource. */
function removalsAllowed(env: Env, rec: StackRecord, run: Run): boolean {
  for (const name of removedResources(rec)) {
    const r = rec.resources.get(name)!;
    const refusal = denied(run.policy, "Update:Delete", name, r.type);
    if (!refusal) continue;
    run.actions.push({ logicalId: name, kind: "delete", after: [], state: "failed" });
    resourceEvent(env.backend, rec, r, "UPDATE_FAILED", refusal);
    failRun(env, rec, run);
    return false;
  }
  return true;
}

const SUCCEEDED = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE"]);

function settle(env: Env, rec: StackRecord, status: string, reason?: string): void {
  stackEvent(env.backend, rec, status, reason);
  rec.run = undefined;
  // The change set the operation executed says how its execution ended.
  const cs = rec.stack.ChangeSetId ? rec.changeSets.get(rec.stack.ChangeSetId) : undefined;
  if (cs?.executionStatus === "EXECUTE_IN_PROGRESS") cs.executionStatus = SUCCEEDED.has(status) ? "EXECUTE_COMPLETE" : "EXECUTE_FAILED";
}

export function finishPhase(env: Env, rec: StackRecord, run: Run): void {
  switch (run.kind) {
    case "CREATE":
      if (!outputs(env, rec, run)) return;
      rec.previous = rec.current;
      return settle(env, rec, "CREATE_COMPLETE");
    case "UPDATE":
      if (run.phase === "main") {
        if (!removalsAllowed(env, rec, run) || !outputs(env, rec, run)) return;
        return cleanup(env, rec, run, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", [...deletePlan(rec, removedResources(rec), [rec.previous!, rec.current]), ...cleanupPlan(run)]);
      }
      rec.previous = rec.current;
      return settle(env, rec, "UPDATE_COMPLETE");
    case "UPDATE_ROLLBACK":
      if (run.phase === "main") {
        if (!outputs(env, rec, run)) return;
        return cleanup(env, rec, run, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", [...deletePlan(rec, removedResources(rec), [rec.current, ...(run.undo ? [run.undo] : [])]), ...cleanupPlan(run)]);
      }
      return settle(env, rec, "UPDATE_ROLLBACK_COMPLETE");
    case "ROLLBACK":
      rec.outputs = [];
      settle(env, rec, "ROLLBACK_COMPLETE");
      if (!rec.onFailureDelete) return;
      startRun(env.backend, env.state, rec, "DELETE", [], run.request, { token: run.token });
      return stackEvent(env.backend, rec, "DELETE_IN_PROGRESS", "User Initiated");
    case "DELETE":
      publishOutputs(env, rec, []);
      rec.outputs = [];
      rec.stack.DeletionTime = env.backend.timeline.now() / 1000;
      if (env.state.names.get(rec.stack.StackName) === rec.stack.StackId) env.state.names.delete(rec.stack.StackName);
      rec.changeSets.clear();
      settle(env, rec, "DELETE_COMPLETE");
      return forgetLater(env, rec);
    default:
      return settle(env, rec, `${run.kind}_COMPLETE`);
  }
}

const names = (run: Run) => run.actions.filter((a) => a.state === "failed").map((a) => a.logicalId).filter((n, i, all) => all.indexOf(n) === i);

/** After a failure (a resource's, or `reason` for the operation's own): rollback, or the failed status. */
export function failRun(env: Env, rec: StackRecord, run: Run, reason?: string): void {
  const failed = names(run);
  const verb = run.actions.some((a) => a.state === "failed" && a.kind === "create") || run.kind === "CREATE" ? "create" : "update";
  const why = reason ?? `The following resource(s) failed to ${verb}: [${failed.join(", ")}]. `;
  const d = rec.current;
  switch (run.kind) {
    case "CREATE":
      if (d.disableRollback) return settle(env, rec, "CREATE_FAILED", why);
      stackEvent(env.backend, rec, "ROLLBACK_IN_PROGRESS", reason ?? `${why}${rec.onFailureDelete ? "Delete" : "Rollback"} requested by user.`);
      return startRun(env.backend, env.state, rec, "ROLLBACK", deletePlan(rec, [...rec.resources.keys()], [d]), run.request, { token: run.token });
    case "UPDATE": {
      if (d.disableRollback) {
        rec.failedUpdate = run;
        return settle(env, rec, "UPDATE_FAILED", why);
      }
      stackEvent(env.backend, rec, "UPDATE_ROLLBACK_IN_PROGRESS", run.cancelled && !reason ? "Stack update cancelled" : why);
      return rollBackUpdate(env, rec, run);
    }
    case "DELETE":
      return settle(env, rec, "DELETE_FAILED", reason ?? `The following resource(s) failed to delete: [${failed.join(", ")}]. `);
    case "ROLLBACK":
      return settle(env, rec, "ROLLBACK_FAILED", reason ?? `The following resource(s) failed to delete: [${failed.join(", ")}]. `);
    case "UPDATE_ROLLBACK":
      return settle(env, rec, "UPDATE_ROLLBACK_FAILED", reason ?? `The following resource(s) failed to update: [${failed.join(", ")}]. `);
    default:
      return settle(env, rec, `${run.kind}_FAILED`, why);
  }
}

/** Starts undoing a failed update: the stack goes back to its previous deployment. */
export function rollBackUpdate(env: Env, rec: StackRecord, failed: Run, token = failed.token): void {
  const undo = rec.current;
  rec.current = rec.previous!;
  rec.failedUpdate = undefined;
  const plan = updateRollbackPlan(rec, failed);
  startRun(env.backend, env.state, rec, "UPDATE_ROLLBACK", plan.main, failed.request, { token, undo });
}
