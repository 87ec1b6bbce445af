import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { makePolicy } from "../domain/policies.js";

const MAX_POLICIES = 50;

/** Creates or replaces the policy of that name (keeping its ARN); target tracking answers the alarms AWS would create. */
export const putScalingPolicy: Handler<"PutScalingPolicy"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName);
  const existing = group.policies.get(input.PolicyName);
  if (!existing && group.policies.size >= MAX_POLICIES) throw asgErrors.limit(`You have reached the limit of ${MAX_POLICIES} scaling policies for the Auto Scaling group.`);
  const policy = makePolicy(backend, state, group, input, existing);
  group.policies.set(input.PolicyName, policy);
  return { PolicyARN: policy.PolicyARN, ...(policy.Alarms?.length ? { Alarms: structuredClone(policy.Alarms) } : {}) };
};
