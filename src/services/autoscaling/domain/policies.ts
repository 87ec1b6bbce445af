// Scaling policies: simple and step policies change the desired capacity when executed
// (ExecutePolicy; no CloudWatch alarms run here), target tracking and predictive ones are kept with
// the alarms AWS would create named, but nothing measures a metric to act on them.
import type { AutoScalingBackend, AutoScalingState, GroupRecord } from "../context.js";
import type { PutScalingPolicyType, ScalingPolicy, StepAdjustment } from "../generated/types.js";
import { policyArn } from "./arns.js";
import { asgErrors } from "./errors.js";

export const POLICY_TYPES = ["SimpleScaling", "StepScaling", "TargetTrackingScaling", "PredictiveScaling"];
export const ADJUSTMENT_TYPES = ["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"];

function checkPolicy(p: PutScalingPolicyType, type: string): void {
  if (!POLICY_TYPES.includes(type)) throw asgErrors.validation(`Invalid policy type: ${type}. Valid policy types are: ${POLICY_TYPES.join(", ")}`);
  if (type === "SimpleScaling" || type === "StepScaling") {
    if (p.AdjustmentType === undefined) throw asgErrors.validation(`AdjustmentType is required for ${type} policies.`);
    if (!ADJUSTMENT_TYPES.includes(p.AdjustmentType)) throw asgErrors.validation(`Invalid adjustment type: ${p.AdjustmentType}. Valid adjustment types are: ${ADJUSTMENT_TYPES.join(", ")}`);
  }
  if (type === "SimpleScaling" && p.ScalingAdjustment === undefined) throw asgErrors.validation("ScalingAdjustment is required for SimpleScaling policies.");
  if (type === "StepScaling" && !p.StepAdjustments?.length) throw asgErrors.validation("StepAdjustments are required for StepScaling policies.");
  if (type === "TargetTrackingScaling" && !p.TargetTrackingConfiguration) throw asgErrors.validation("TargetTrackingConfiguration is required for TargetTrackingScaling policies.");
  if (type === "PredictiveScaling" && !p.PredictiveScalingConfiguration) throw asgErrors.validation("PredictiveScalingConfiguration is required for PredictiveScaling policies.");
}

function alarms(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): ScalingPolicy["Alarms"] {
  return ["AlarmHigh", "AlarmLow"].map((kind) => {
    const name = `TargetTracking-${group.name}-${kind}-${backend.ids.uuid()}`;
    return { AlarmName: name, AlarmARN: `arn:aws:cloudwatch:${state.region}:${state.accountId}:alarm:${name}` };
  });
}

/** The policy as DescribePolicies answers it. */
export function makePolicy(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, p: PutScalingPolicyType, existing?: ScalingPolicy): ScalingPolicy {
  const type = p.PolicyType ?? "SimpleScaling";
  checkPolicy(p, type);
  const stepLike = type === "SimpleScaling" || type === "StepScaling";
  return {
    AutoScalingGroupName: group.name,
    PolicyName: p.PolicyName,
    PolicyARN: existing?.PolicyARN ?? policyArn(state, backend.ids.uuid(), group.name, p.PolicyName),
    PolicyType: type,
    ...(stepLike ? { AdjustmentType: p.AdjustmentType } : {}),
    ...(p.MinAdjustmentStep !== undefined ? { MinAdjustmentStep: p.MinAdjustmentStep } : {}),
    ...(p.MinAdjustmentMagnitude !== undefined ? { MinAdjustmentMagnitude: p.MinAdjustmentMagnitude } : {}),
    ...(type === "SimpleScaling" ? { ScalingAdjustment: p.ScalingAdjustment } : {}),
    ...(type === "SimpleScaling" && p.Cooldown !== undefined ? { Cooldown: p.Cooldown } : {}),
    StepAdjustments: type === "StepScaling" ? structuredClone(p.StepAdjustments!) : [],
    ...(type === "StepScaling" ? { MetricAggregationType: p.MetricAggregationType ?? "Average" } : {}),
    ...(p.EstimatedInstanceWarmup !== undefined ? { EstimatedInstanceWarmup: p.EstimatedInstanceWarmup } : {}),
    Alarms: type === "TargetTrackingScaling" ? (existing?.PolicyType === "TargetTrackingScaling" ? existing.Alarms : alarms(backend, state, group)) : [],
    ...(type === "TargetTrackingScaling" ? { TargetTrackingConfiguration: { ...structuredClone(p.TargetTrackingConfiguration!), DisableScaleIn: p.TargetTrackingConfiguration!.DisableScaleIn ?? false } } : {}),
    Enabled: p.Enabled ?? true,
    ...(type === "PredictiveScaling" ? { PredictiveScalingConfiguration: { Mode: "ForecastOnly", ...structuredClone(p.PredictiveScalingConfiguration!) } } : {}),
  };
}

/** A change of capacity by a percentage: toward zero, but never less than one instance either way. */
function percentChange(current: number, percent: number): number {
  const raw = (current * percent) / 100;
  if (raw > 0 && raw < 1) return 1;
  if (raw < 0 && raw > -1) return -1;
  return Math.trunc(raw);
}

function adjust(current: number, type: string, adjustment: number, minMagnitude: number | undefined): number {
  if (type === "ExactCapacity") return adjustment;
  let change = type === "PercentChangeInCapacity" ? percentChange(current, adjustment) : adjustment;
  if (type === "PercentChangeInCapacity" && minMagnitude !== undefined && Math.abs(change) < minMagnitude) change = Math.sign(change) * minMagnitude;
  return current + change;
}

/** The step whose interval holds the breach (lower bound inclusive above the threshold, upper bound inclusive below it). */
function stepFor(steps: StepAdjustment[], breach: number): StepAdjustment | undefined {
  return steps.find((s) => {
    const lo = s.MetricIntervalLowerBound ?? -Infinity;
    const hi = s.MetricIntervalUpperBound ?? Infinity;
    return breach >= 0 ? breach >= lo && breach < hi : breach > lo && breach <= hi;
  });
}

/** The desired capacity a simple or step policy asks for, within the group's bounds. */
export function policyTarget(group: GroupRecord, p: ScalingPolicy, metricValue: number | undefined, breachThreshold: number | undefined): number {
  let target: number;
  if (p.PolicyType === "StepScaling") {
    if (metricValue === undefined || breachThreshold === undefined) throw asgErrors.validation("MetricValue and BreachThreshold are required to execute a StepScaling policy.");
    const step = stepFor(p.StepAdjustments ?? [], metricValue - breachThreshold);
    if (!step) return group.desiredCapacity;
    target = adjust(group.desiredCapacity, p.AdjustmentType!, step.ScalingAdjustment, p.MinAdjustmentMagnitude);
  } else target = adjust(group.desiredCapacity, p.AdjustmentType!, p.ScalingAdjustment!, p.MinAdjustmentMagnitude);
  return Math.min(Math.max(target, group.minSize), group.maxSize);
}
