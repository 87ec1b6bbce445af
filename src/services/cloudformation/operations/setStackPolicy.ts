import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";
import { parsePolicy } from "../domain/stackPolicy.js";
import { commonErrors } from "../../../protocol/errors.js";
import { validation } from "../template/errors.js";

/** The policy later updates are held to; an empty one ({}) removes the protection. */
export const setStackPolicy: Handler<"SetStackPolicy"> = (input, { state }) => {
  const rec = liveStack(state, input.StackName);
  if (input.StackPolicyURL !== undefined && input.StackPolicyBody !== undefined) throw validation("You cannot specify both StackPolicyURL and StackPolicyBody");
  if (input.StackPolicyURL !== undefined) throw commonErrors.unsupported("ecs-local has no S3 to read a StackPolicyURL from yet: pass the policy as StackPolicyBody.");
  if (input.StackPolicyBody === undefined) throw validation("Either StackPolicyBody or StackPolicyURL must be specified.");
  const statements = parsePolicy(input.StackPolicyBody);
  if (statements.length) rec.policy = input.StackPolicyBody;
  else delete rec.policy;
  return {};
};
