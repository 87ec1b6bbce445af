import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";
import { repeated, withPeers } from "../domain/operations.js";
import { stackEvent } from "../domain/events.js";
import { deletePlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { rollBackUpdate } from "../engine/phases.js";
import { validation } from "../template/errors.js";

/** A stack left failed with rollback disabled: CREATE_FAILED deletes what was made, UPDATE_FAILED goes back to the last good deployment. */
export const rollbackStack: Handler<"RollbackStack"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const rec = liveStack(state, input.StackName);
    if (repeated(rec, input.ClientRequestToken, "RollbackStack")) return { StackId: rec.stack.StackId };
    const status = rec.stack.StackStatus;
    if (rec.run || (status !== "CREATE_FAILED" && !(status === "UPDATE_FAILED" && rec.failedUpdate))) {
      throw validation(`Stack:${rec.stack.StackId} is in ${status} state and can not be rolled back.`);
    }
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "RollbackStack" };
    if (status === "CREATE_FAILED") {
      startRun(backend, state, rec, "ROLLBACK", deletePlan(rec, [...rec.resources.keys()], [rec.current]), ctx.request, { token: input.ClientRequestToken });
      stackEvent(backend, rec, "ROLLBACK_IN_PROGRESS", "User Initiated");
    } else {
      rollBackUpdate({ backend, state, request: ctx.request }, rec, { ...rec.failedUpdate!, request: ctx.request }, input.ClientRequestToken);
      stackEvent(backend, rec, "UPDATE_ROLLBACK_IN_PROGRESS", "User Initiated");
    }
    return { StackId: rec.stack.StackId };
  });
