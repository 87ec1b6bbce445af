import type { Handler } from "../context.js";
import { findChangeSet } from "../domain/changeSets.js";
import { InvalidChangeSetStatusException } from "../generated/errors.js";

export const deleteChangeSet: Handler<"DeleteChangeSet"> = (input, { state }) => {
  const { rec, cs } = findChangeSet(state, input.ChangeSetName, input.StackName);
  if (cs.executionStatus === "EXECUTE_IN_PROGRESS") throw new InvalidChangeSetStatusException(`Cannot delete ChangeSet ${cs.id} in status ${cs.executionStatus}`);
  rec.changeSets.delete(cs.id);
  return {};
};
