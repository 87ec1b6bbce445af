import type { Handler } from "../context.js";
import { prepareDeployment } from "../domain/deployment.js";
import { notUpdatable, repeated, withPeers } from "../domain/operations.js";
import { liveStack, UPDATABLE } from "../domain/stacks.js";
import { stackEvent } from "../domain/events.js";
import { predictChanges, updateChangesNothing } from "../domain/changes.js";
import { deployPlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { validation } from "../template/errors.js";
import { commonErrors } from "../../../protocol/errors.js";
import { parsePolicy } from "../domain/stackPolicy.js";

export const updateStack: Handler<"UpdateStack"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const rec = liveStack(state, input.StackName);
    if (repeated(rec, input.ClientRequestToken, "UpdateStack")) return { StackId: rec.stack.StackId };
    if (!UPDATABLE.has(rec.stack.StackStatus) || rec.run) throw notUpdatable(rec);
    if (input.StackPolicyURL !== undefined || input.StackPolicyDuringUpdateURL !== undefined) {
      throw commonErrors.unsupported("ecs-local has no S3 to read a stack policy URL from yet: pass the policy as a body.");
    }
    const during = input.StackPolicyDuringUpdateBody !== undefined ? parsePolicy(input.StackPolicyDuringUpdateBody) : undefined;
    const next = input.StackPolicyBody !== undefined ? parsePolicy(input.StackPolicyBody) : undefined;
    const d = prepareDeployment(ctx, rec, { ...input, DisableRollback: input.DisableRollback ?? rec.current.disableRollback }, rec.current);
    const env = { backend, state, request: ctx.request };
    if (updateChangesNothing(env, rec, d, predictChanges(env, rec, d))) throw validation("No updates are to be performed.");
    // The new policy holds from this update on; a policy for the update alone overrides both.
    if (next) {
      if (next.length) rec.policy = input.StackPolicyBody;
      else delete rec.policy;
    }
    const policy = during ?? (rec.policy !== undefined ? parsePolicy(rec.policy) : undefined);
    rec.previous = rec.current;
    rec.current = d;
    rec.stack.LastUpdatedTime = ctx.now();
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "UpdateStack" };
    startRun(backend, state, rec, "UPDATE", deployPlan(rec), ctx.request, { token: input.ClientRequestToken, ...(policy ? { policy } : {}) });
    stackEvent(backend, rec, "UPDATE_IN_PROGRESS", "User Initiated");
    return { StackId: rec.stack.StackId };
  });
