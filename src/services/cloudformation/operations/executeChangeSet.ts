import type { Handler } from "../context.js";
import { findChangeSet } from "../domain/changeSets.js";
import { InvalidChangeSetStatusException } from "../generated/errors.js";
import { repeated, withPeers } from "../domain/operations.js";
import { stackEvent } from "../domain/events.js";
import { deployPlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { parsePolicy } from "../domain/stackPolicy.js";
import { validation } from "../template/errors.js";

/** Runs the change set's deployment as CreateStack or UpdateStack would; the stack's other change sets are deleted. */
export const executeChangeSet: Handler<"ExecuteChangeSet"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const { rec, cs } = findChangeSet(state, input.ChangeSetName, input.StackName);
    if (repeated(rec, input.ClientRequestToken, "ExecuteChangeSet")) return {};
    if (cs.status !== "CREATE_COMPLETE") throw new InvalidChangeSetStatusException(`ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.status}]`);
    if (cs.executionStatus !== "AVAILABLE") throw new InvalidChangeSetStatusException(`ChangeSet [${cs.id}] cannot be executed in its current execution status of [${cs.executionStatus}]`);
    if (input.DisableRollback !== undefined && cs.onStackFailure !== undefined) {
      throw validation("You cannot specify both DisableRollback here and OnStackFailure on the change set.");
    }
    const d = { ...cs.deployment, disableRollback: input.DisableRollback ?? cs.deployment.disableRollback };
    if (cs.onStackFailure === "DELETE") rec.onFailureDelete = true;
    const create = cs.type === "CREATE";
    // The others are no longer valid for the stack (ExecuteChangeSet's documentation); this one stays, executing.
    for (const id of [...rec.changeSets.keys()]) if (id !== cs.id) rec.changeSets.delete(id);
    cs.executionStatus = "EXECUTE_IN_PROGRESS";
    rec.stack.ChangeSetId = cs.id;
    if (!create) {
      rec.previous = rec.current;
      rec.stack.LastUpdatedTime = ctx.now();
    }
    rec.current = d;
    // The role a change set names becomes the stack's, as CreateStack's and UpdateStack's do.
    if (cs.roleArn !== undefined) rec.stack.RoleARN = cs.roleArn;
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "ExecuteChangeSet" };
    const policy = !create && rec.policy !== undefined ? { policy: parsePolicy(rec.policy) } : {};
    startRun(backend, state, rec, create ? "CREATE" : "UPDATE", deployPlan(rec), ctx.request, { token: input.ClientRequestToken, ...policy });
    stackEvent(backend, rec, create ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS", "User Initiated");
    return {};
  });
