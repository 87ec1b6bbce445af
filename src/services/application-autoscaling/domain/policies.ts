// Scaling policies as PutScalingPolicy takes them: what each policy type requires, what an update
// keeps, and the CloudWatch alarms AWS creates for target tracking (named as AWS names them).
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState, PolicyRecord, TargetRecord } from "../context.js";
import { ValidationException } from "../generated/errors.js";
import type { Alarm, PutScalingPolicyRequest, ScalingPolicy, StepAdjustment, StepScalingPolicyConfiguration, TargetTrackingScalingPolicyConfiguration } from "../generated/types.js";
import { messages } from "./messages.js";
import { alarmArn } from "./resources.js";

export const ECS_METRICS = new Set(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"]);

/** app/<load balancer>/<id>/targetgroup/<target group>/<id>: the tails of both ARNs. */
const RESOURCE_LABEL = /^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/;

export function checkTracking(c: TargetTrackingScalingPolicyConfiguration): void {
  const predefined = c.PredefinedMetricSpecification;
  const custom = c.CustomizedMetricSpecification;
  if ((predefined === undefined) === (custom === undefined)) throw new ValidationException(messages.oneMetric);
  if (predefined) {
    const type = predefined.PredefinedMetricType;
    if (!ECS_METRICS.has(type)) throw new ValidationException(messages.metricNotForEcs(type));
    if (type === "ALBRequestCountPerTarget") {
      if (!predefined.ResourceLabel) throw new ValidationException(messages.resourceLabelRequired);
      if (!RESOURCE_LABEL.test(predefined.ResourceLabel)) throw new ValidationException(messages.badResourceLabel(predefined.ResourceLabel));
    } else if (predefined.ResourceLabel !== undefined) throw new ValidationException(messages.resourceLabelNotAllowed(type));
  }
  if (custom && !custom.Metrics?.length && !(custom.MetricName && custom.Namespace && custom.Statistic)) throw new ValidationException(messages.customMetric);
}

const lower = (s: StepAdjustment): number => s.MetricIntervalLowerBound ?? -Infinity;
const upper = (s: StepAdjustment): number => s.MetricIntervalUpperBound ?? Infinity;

/** The step adjustment rules of the StepAdjustment reference: no overlap, no gap, open ends only at the ends. */
export function checkStep(c: StepScalingPolicyConfiguration): void {
  if (!c.AdjustmentType) throw new ValidationException(messages.adjustmentTypeRequired);
  const steps = c.StepAdjustments ?? [];
  if (steps.length === 0) throw new ValidationException(messages.stepAdjustmentsRequired);
  if (steps.length > 20) throw new ValidationException(messages.tooManySteps);
  const sorted = [...steps].sort((a, b) => lower(a) - lower(b));
  for (const [i, s] of sorted.entries()) {
    if (s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined) throw new ValidationException(messages.stepBothNull);
    if (upper(s) <= lower(s)) throw new ValidationException(messages.stepUpperBelowLower);
    if (i > 0 && upper(sorted[i - 1]) !== lower(s)) throw new ValidationException(messages.stepGapOrOverlap);
  }
  if (lower(sorted[0]) !== -Infinity && lower(sorted[0]) < 0) throw new ValidationException(messages.stepNullLower);
  const last = sorted[sorted.length - 1];
  if (upper(last) !== Infinity && upper(last) > 0) throw new ValidationException(messages.stepNullUpper);
  if (c.AdjustmentType === "ExactCapacity" && steps.some((s) => s.ScalingAdjustment < 0)) throw new ValidationException(messages.exactCapacityNegative);
}

export type PolicyConfig = Pick<ScalingPolicy, "PolicyType" | "StepScalingPolicyConfiguration" | "TargetTrackingScalingPolicyConfiguration" | "PredictiveScalingPolicyConfiguration">;

/** The policy PutScalingPolicy leaves: a new one whole, an update keeping what it does not give. */
export function mergePolicy(input: PutScalingPolicyRequest, old: ScalingPolicy | undefined): PolicyConfig {
  const type = input.PolicyType ?? old?.PolicyType;
  if (!type) throw new ValidationException(messages.policyTypeRequired);
  if (old && (old.PolicyType === "TargetTrackingScaling") !== (type === "TargetTrackingScaling")) throw new ValidationException(messages.policyTypeChange);
  const policy: PolicyConfig = { PolicyType: type };
  if (type === "TargetTrackingScaling") {
    const c = input.TargetTrackingScalingPolicyConfiguration ?? old?.TargetTrackingScalingPolicyConfiguration;
    if (!c) throw new ValidationException(messages.trackingConfigRequired);
    checkTracking(c);
    policy.TargetTrackingScalingPolicyConfiguration = c;
  } else if (type === "StepScaling") {
    const c = input.StepScalingPolicyConfiguration ?? old?.StepScalingPolicyConfiguration;
    if (!c) throw new ValidationException(messages.stepConfigRequired);
    checkStep(c);
    policy.StepScalingPolicyConfiguration = c;
  } else {
    const c = input.PredictiveScalingPolicyConfiguration ?? old?.PredictiveScalingPolicyConfiguration;
    if (!c) throw new ValidationException(messages.predictiveConfigRequired);
    policy.PredictiveScalingPolicyConfiguration = c;
  }
  return policy;
}

/** Two target tracking configurations track the same metric (AWS allows one policy per metric). */
export function sameMetric(a: TargetTrackingScalingPolicyConfiguration, b: TargetTrackingScalingPolicyConfiguration | undefined): boolean {
  if (!b) return false;
  return JSON.stringify(a.PredefinedMetricSpecification ?? a.CustomizedMetricSpecification) === JSON.stringify(b.PredefinedMetricSpecification ?? b.CustomizedMetricSpecification);
}

/** AlarmHigh, and AlarmLow unless scale-in is disabled: `TargetTracking-<resource id>-AlarmHigh-<uuid>`. */
export function trackingAlarms(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord, c: TargetTrackingScalingPolicyConfiguration): Alarm[] {
  const kinds = c.DisableScaleIn ? ["AlarmHigh"] : ["AlarmHigh", "AlarmLow"];
  return kinds.map((kind) => {
    const name = `TargetTracking-${rec.target.ResourceId}-${kind}-${backend.ids.uuid()}`;
    return { AlarmName: name, AlarmARN: alarmArn(state, name) };
  });
}

export const isTracking = (p: PolicyRecord): boolean => p.policy.PolicyType === "TargetTrackingScaling";
