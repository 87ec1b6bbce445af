import type { Handler } from "../context.js";
import { findChangeSet } from "../domain/changeSets.js";
import { findStack } from "../domain/stacks.js";
import { InvalidChangeSetStatusException } from "../generated/errors.js";

/**
 * Deleting a change set the stack does not have succeeds as long as the stack exists: the CDK counts
 * on it, deleting its diff change set by name before making one ("The delete request is successful as
 * long as the stack exists (even if the change set does not exist)", aws/aws-cdk's deploy-stack).
 */
export const deleteChangeSet: Handler<"DeleteChangeSet"> = (input, { state }) => {
  if (!input.ChangeSetName.startsWith("arn:") && input.StackName !== undefined) {
    const rec = findStack(state, input.StackName);
    if (![...rec.changeSets.values()].some((c) => c.name === input.ChangeSetName)) return {};
  }
  const { rec, cs } = findChangeSet(state, input.ChangeSetName, input.StackName);
  if (cs.executionStatus === "EXECUTE_IN_PROGRESS") throw new InvalidChangeSetStatusException(`Cannot delete ChangeSet ${cs.id} in status ${cs.executionStatus}`);
  rec.changeSets.delete(cs.id);
  return {};
};
