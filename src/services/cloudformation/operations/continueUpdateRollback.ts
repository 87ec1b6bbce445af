import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";
import { withPeers } from "../domain/operations.js";
import { stackEvent } from "../domain/events.js";
import { startRun } from "../engine/run.js";
import { validation } from "../template/errors.js";
import type { Action } from "../context.js";
import { evaluate } from "../template/intrinsics.js";
import { stackScope } from "../engine/scope.js";

/** A stack in UPDATE_ROLLBACK_FAILED goes on rolling back: the failed resources are tried again, or skipped. */
export const continueUpdateRollback: Handler<"ContinueUpdateRollback"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const rec = liveStack(state, input.StackName);
    if (rec.stack.StackStatus !== "UPDATE_ROLLBACK_FAILED") throw validation(`Stack ${rec.stack.StackId} is in ${rec.stack.StackStatus} state and can not continue update rollback.`.replace(`Stack ${rec.stack.StackId}`, `Stack:${rec.stack.StackId}`));
    const skip = new Set(input.ResourcesToSkip ?? []);
    const env = { backend, state, request: ctx.request };
    const actions: Action[] = [];
    for (const r of rec.resources.values()) {
      if (r.status !== "UPDATE_FAILED") continue;
      if (skip.has(r.logicalId)) r.status = "UPDATE_COMPLETE";
      else if (rec.current.template.Resources[r.logicalId]) {
        // The rollback goes on towards the deployment it was restoring: its properties, evaluated again.
        const target = evaluate(rec.current.template.Resources[r.logicalId].Properties ?? {}, stackScope(env, rec, rec.current)) as Record<string, unknown>;
        actions.push({ logicalId: r.logicalId, kind: "restore", after: [], state: "waiting", old: { ...structuredClone(r), properties: target } });
      }
    }
    startRun(backend, state, rec, "UPDATE_ROLLBACK", actions, ctx.request, { token: input.ClientRequestToken });
    stackEvent(backend, rec, "UPDATE_ROLLBACK_IN_PROGRESS", "User Initiated");
    return {};
  });
