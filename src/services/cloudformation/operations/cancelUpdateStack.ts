import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";
import { validation } from "../template/errors.js";

/** Only an update in progress can be cancelled: it then rolls back, on the server's clock. */
export const cancelUpdateStack: Handler<"CancelUpdateStack"> = (input, { state }) => {
  const rec = liveStack(state, input.StackName);
  if (rec.stack.StackStatus !== "UPDATE_IN_PROGRESS" || rec.run?.kind !== "UPDATE" || rec.run.phase !== "main") {
    throw validation(`CancelUpdateStack cannot be called from current stack status`);
  }
  rec.run.cancelled = true;
  return {};
};
