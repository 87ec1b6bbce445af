import type { Handler } from "../context.js";
import { findPolicy } from "../domain/policyLookup.js";

export const deletePolicy: Handler<"DeletePolicy"> = (input, ctx) => {
  const { group, policy } = findPolicy(ctx.state, input.AutoScalingGroupName, input.PolicyName);
  group.policies.delete(policy.PolicyName!);
  return {};
};
