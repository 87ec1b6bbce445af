import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { policyTarget } from "../domain/policies.js";
import { changeDesired, checkCooldown } from "../domain/scaling.js";
import { findPolicy } from "../domain/policyLookup.js";

/** Simple and step policies change the desired capacity; a simple one honours its cooldown when asked. */
export const executePolicy: Handler<"ExecutePolicy"> = (input, ctx) => {
  const { state, backend } = ctx;
  const { group, policy } = findPolicy(state, input.AutoScalingGroupName, input.PolicyName);
  if (group.deleting) throw asgErrors.pendingDelete(group.name);
  if (policy.PolicyType !== "SimpleScaling" && policy.PolicyType !== "StepScaling") throw asgErrors.validation(`ExecutePolicy is only supported for SimpleScaling and StepScaling policies; ${policy.PolicyName} is a ${policy.PolicyType} policy.`);
  if (policy.Enabled === false) throw asgErrors.validation(`Policy ${policy.PolicyName} is disabled.`);
  if (policy.PolicyType === "SimpleScaling" && input.HonorCooldown) checkCooldown(backend, state, group);
  const target = policyTarget(group, policy, input.MetricValue, input.BreachThreshold);
  changeDesired(backend, state, group, target, `a user request executed policy ${policy.PolicyName}`, policy.Cooldown ?? group.defaultCooldown);
  return {};
};
