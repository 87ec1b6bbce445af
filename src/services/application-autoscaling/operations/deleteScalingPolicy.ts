import type { Handler } from "../context.js";
import { ObjectNotFoundException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { checkTarget } from "../domain/resources.js";
import { findTarget } from "../domain/targets.js";

/** With a target tracking policy go its alarms; the target's evaluation stops with its last one. */
export const deleteScalingPolicy: Handler<"DeleteScalingPolicy"> = (input, ctx) => {
  checkTarget(input);
  const rec = findTarget(ctx.state, input);
  if (!rec?.policies.has(input.PolicyName)) throw new ObjectNotFoundException(messages.policyNotFound(input, input.PolicyName));
  rec.policies.delete(input.PolicyName);
  return {};
};
