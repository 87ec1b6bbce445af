import type { Handler } from "../context.js";
import { prepareDeployment } from "../domain/deployment.js";
import { notUpdatable, repeated, withPeers } from "../domain/operations.js";
import { liveStack, UPDATABLE } from "../domain/stacks.js";
import { stackEvent } from "../domain/events.js";
import { predictChanges, updateChangesNothing } from "../domain/changes.js";
import { deployPlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { validation } from "../template/errors.js";
import { s3Reader } from "../domain/templateUrl.js";
import { parsePolicy } from "../domain/stackPolicy.js";

export const updateStack: Handler<"UpdateStack"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const rec = liveStack(state, input.StackName);
    if (repeated(rec, input.ClientRequestToken, "UpdateStack")) return { StackId: rec.stack.StackId };
    if (!UPDATABLE.has(rec.stack.StackStatus) || rec.run) throw notUpdatable(rec);
    const read = s3Reader(ctx);
    const duringText = input.StackPolicyDuringUpdateURL !== undefined ? read(input.StackPolicyDuringUpdateURL, "StackPolicyDuringUpdateURL") : input.StackPolicyDuringUpdateBody;
    const nextText = input.StackPolicyURL !== undefined ? read(input.StackPolicyURL, "StackPolicyURL") : input.StackPolicyBody;
    const during = duringText !== undefined ? parsePolicy(duringText) : undefined;
    const next = nextText !== undefined ? parsePolicy(nextText) : undefined;
    const d = prepareDeployment(ctx, rec, { ...input, DisableRollback: input.DisableRollback ?? rec.current.disableRollback }, rec.current);
    const env = { backend, state, request: ctx.request };
    if (updateChangesNothing(env, rec, d, predictChanges(env, rec, d))) throw validation("No updates are to be performed.");
    // The new policy holds from this update on; a policy for the update alone overrides both.
    if (next) {
      if (next.length) rec.policy = nextText;
      else delete rec.policy;
    }
    const policy = during ?? (rec.policy !== undefined ? parsePolicy(rec.policy) : undefined);
    rec.previous = rec.current;
    rec.current = d;
    rec.stack.LastUpdatedTime = ctx.now();
    if (input.RoleARN !== undefined) rec.stack.RoleARN = input.RoleARN;
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "UpdateStack" };
    startRun(backend, state, rec, "UPDATE", deployPlan(rec), ctx.request, { token: input.ClientRequestToken, ...(policy ? { policy } : {}) });
    stackEvent(backend, rec, "UPDATE_IN_PROGRESS", "User Initiated");
    return { StackId: rec.stack.StackId };
  });
