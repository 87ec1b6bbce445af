import type { Handler } from "../context.js";
import { liveStack } from "../domain/stacks.js";
import { parsePolicy } from "../domain/stackPolicy.js";
import { s3Reader } from "../domain/templateUrl.js";
import { validation } from "../template/errors.js";

/** The policy later updates are held to; an empty one ({}) removes the protection. */
export const setStackPolicy: Handler<"SetStackPolicy"> = (input, ctx) => {
  const rec = liveStack(ctx.state, input.StackName);
  if (input.StackPolicyURL !== undefined && input.StackPolicyBody !== undefined) throw validation("You cannot specify both StackPolicyURL and StackPolicyBody");
  const text = input.StackPolicyURL !== undefined ? s3Reader(ctx)(input.StackPolicyURL, "StackPolicyURL") : input.StackPolicyBody;
  if (text === undefined) throw validation("Either StackPolicyBody or StackPolicyURL must be specified.");
  const statements = parsePolicy(text);
  if (statements.length) rec.policy = text;
  else delete rec.policy;
  return {};
};
