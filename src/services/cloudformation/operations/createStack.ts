import type { Handler } from "../context.js";
import { prepareDeployment } from "../domain/deployment.js";
import { checkNameFree, checkStackName, newStack, stackIdentity } from "../domain/newStack.js";
import { repeated, withPeers } from "../domain/operations.js";
import { stackEvent } from "../domain/events.js";
import { deployPlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { validation } from "../template/errors.js";
import { s3Reader } from "../domain/templateUrl.js";
import { parsePolicy } from "../domain/stackPolicy.js";

/** Checks the template and parameters now; the resources are made on the server's clock (engine/run.ts). */
export const createStack: Handler<"CreateStack"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const existing = state.names.get(input.StackName);
    if (existing && repeated(state.stacks.get(existing)!, input.ClientRequestToken, "CreateStack")) return { StackId: existing };
    checkStackName(input.StackName);
    checkNameFree(ctx, input.StackName);
    if (input.DisableRollback !== undefined && input.OnFailure !== undefined) throw validation("You cannot specify both DisableRollback and OnFailure.");
    if (input.StackPolicyURL !== undefined && input.StackPolicyBody !== undefined) throw validation("You cannot specify both StackPolicyURL and StackPolicyBody");
    const policyText = input.StackPolicyURL !== undefined ? s3Reader(ctx)(input.StackPolicyURL, "StackPolicyURL") : input.StackPolicyBody;
    const policy = policyText !== undefined && parsePolicy(policyText).length ? policyText : undefined;
    const identity = stackIdentity(ctx, input.StackName, "CREATE_IN_PROGRESS");
    const d = prepareDeployment(ctx, identity, { ...input, DisableRollback: input.DisableRollback ?? input.OnFailure === "DO_NOTHING" });
    const rec = newStack(ctx, identity, d, input.EnableTerminationProtection);
    rec.onFailureDelete = input.OnFailure === "DELETE";
    if (policy !== undefined) rec.policy = policy;
    if (input.TimeoutInMinutes !== undefined) rec.stack.TimeoutInMinutes = input.TimeoutInMinutes;
    if (input.RoleARN !== undefined) rec.stack.RoleARN = input.RoleARN;
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "CreateStack" };
    const timeoutMs = input.TimeoutInMinutes !== undefined ? input.TimeoutInMinutes * 60_000 : undefined;
    startRun(backend, state, rec, "CREATE", deployPlan(rec), ctx.request, { token: input.ClientRequestToken, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
    stackEvent(backend, rec, "CREATE_IN_PROGRESS", "User Initiated");
    return { StackId: rec.stack.StackId };
  });
