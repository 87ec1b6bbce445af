import type { Handler, PolicyRecord } from "../context.js";
import { LimitExceededException, ValidationException } from "../generated/errors.js";
import type { PutScalingPolicyResponse } from "../generated/types.js";
import { messages } from "../domain/messages.js";
import { isTracking, mergePolicy, sameMetric, trackingAlarms } from "../domain/policies.js";
import { policyArn } from "../domain/resources.js";
import { registeredTarget } from "../domain/targets.js";
import { startEvaluation } from "../domain/tracking.js";

const MAX_POLICIES = 50;

export const putScalingPolicy: Handler<"PutScalingPolicy"> = (input, ctx) => {
  const { state, backend } = ctx;
  const rec = registeredTarget(state, input);
  const old = rec.policies.get(input.PolicyName);
  const merged = mergePolicy(input, old?.policy);
  const tracking = merged.TargetTrackingScalingPolicyConfiguration;
  if (tracking && [...rec.policies.values()].some((p) => p !== old && sameMetric(tracking, p.policy.TargetTrackingScalingPolicyConfiguration))) {
    throw new ValidationException(messages.oneTrackingPerMetric);
  }
  if (!old && rec.policies.size >= MAX_POLICIES) throw new LimitExceededException(messages.tooManyPolicies);

  const policy = {
    PolicyARN: old?.policy.PolicyARN ?? policyArn(state, rec.id, input, input.PolicyName),
    PolicyName: input.PolicyName,
    ServiceNamespace: input.ServiceNamespace,
    ResourceId: input.ResourceId,
    ScalableDimension: input.ScalableDimension,
    ...merged,
    // Target tracking gets its CloudWatch alarms anew with each put, as AWS replaces them.
    ...(tracking ? { Alarms: trackingAlarms(backend, state, rec, tracking) } : {}),
    CreationTime: old?.policy.CreationTime ?? ctx.now(),
  };
  const record: PolicyRecord = { policy, datapoints: old?.datapoints ?? [], ...(old?.lastScaleOut ? { lastScaleOut: old.lastScaleOut } : {}), ...(old?.lastScaleIn !== undefined ? { lastScaleIn: old.lastScaleIn } : {}) };
  rec.policies.set(input.PolicyName, record);
  if (isTracking(record)) startEvaluation(backend, state, rec);
  const out: PutScalingPolicyResponse = { PolicyARN: policy.PolicyARN };
  if (policy.Alarms) out.Alarms = structuredClone(policy.Alarms);
  return out;
};
