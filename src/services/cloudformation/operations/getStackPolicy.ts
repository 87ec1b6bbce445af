import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";

export const getStackPolicy: Handler<"GetStackPolicy"> = (input, { state }) => {
  const rec = liveStack(state, input.StackName);
  return rec.policy !== undefined ? { StackPolicyBody: rec.policy } : {};
};
