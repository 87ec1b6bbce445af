import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";

export const updateTerminationProtection: Handler<"UpdateTerminationProtection"> = (input, { state }) => {
  const rec = liveStack(state, input.StackName);
  rec.stack.EnableTerminationProtection = input.EnableTerminationProtection;
  return { StackId: rec.stack.StackId };
};
