// Target tracking on the server clock, as its CloudWatch alarms drive it: each minute a datapoint of
// the policy's metric; AlarmHigh fires after 3 datapoints above the target value and AlarmLow after
// 15 below 90 % of it, every minute they stay in ALARM. Scale-out is proportional and wins; scale-in
// waits for every policy that scales in to agree, for its cooldown, and for ECS deployments to end.
import { defineTimer } from "../../../engine/timers.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState, PolicyRecord, TargetRecord } from "../context.js";
import type { NotScaledReason, TargetTrackingScalingPolicyConfiguration } from "../generated/types.js";
import { addNotScaled, capacityText, settleActivities } from "./activities.js";
import { changeDesired, type Scaling } from "./capacity.js";
import { isActive, ownRequest, readService, type ServiceView } from "./ecsPort.js";
import { isTracking } from "./policies.js";
import { ecsResource } from "./resources.js";
import { forget, isCurrent, refOf, timersOf } from "./targets.js";
import { measure, metricValue, type Metric } from "./utilization.js";

const PERIOD_MS = 60_000;
const HIGH_DATAPOINTS = 3;
const LOW_DATAPOINTS = 15;
const LOW_FACTOR = 0.9;
/** ECS services' default cooldowns, in seconds, when a policy gives none. */
const DEFAULT_COOLDOWN_S = 300;

const config = (p: PolicyRecord): TargetTrackingScalingPolicyConfiguration => p.policy.TargetTrackingScalingPolicyConfiguration!;

function metricOf(p: PolicyRecord): Metric | undefined {
  const type = config(p).PredefinedMetricSpecification?.PredefinedMetricType;
  return type === "ECSServiceAverageCPUUtilization" ? "cpu" : type === "ECSServiceAverageMemoryUtilization" ? "memory" : undefined;
}

/** Evaluates the target every minute while it has a target tracking policy. */
export function startEvaluation(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord): void {
  const timers = timersOf(backend, rec);
  if (timers.evaluation) return;
  timers.evaluation = backend.timeline.callAfter(PERIOD_MS, TICK, backend, state, rec);
}

const TICK = defineTimer("applicationAutoScaling.evaluate", (backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord) => {
  const timers = timersOf(backend, rec);
  timers.evaluation = undefined;
  if (!isCurrent(state, rec) || ![...rec.policies.values()].some(isTracking)) return;
  timers.evaluation = backend.timeline.callAfter(PERIOD_MS, TICK, backend, state, rec);
  evaluate({ backend, state, request: ownRequest(backend, state), now: backend.timeline.now() / 1000 }, rec);
});

function evaluate(s: Scaling, rec: TargetRecord): void {
  const view = readService(s.backend, s.request, ecsResource(rec.target.ResourceId)!);
  settleActivities(s.state, refOf(rec), view, s.now);
  if (!isActive(view)) return forget(s.backend, s.state, rec);
  // With Docker the engine is asked what the tasks use: the answer is next minute's sample.
  measure(s.backend, s.state, rec);
  const tracking = [...rec.policies.values()].filter(isTracking);
  for (const p of tracking) {
    const metric = metricOf(p);
    const value = metric ? metricValue(s.state, rec, metric, view.runningCount) : undefined;
    p.datapoints.push(value ?? null);
    if (p.datapoints.length > LOW_DATAPOINTS) p.datapoints.shift();
  }
  if (view.runningCount === 0) return;
  if (!scaleOut(s, rec, view, tracking)) scaleIn(s, rec, view, tracking);
}

function breaching(p: PolicyRecord, count: number, test: (v: number) => boolean): boolean {
  const last = p.datapoints.slice(-count);
  return last.length === count && last.every((v) => v !== null && test(v));
}

const highAlarm = (p: PolicyRecord): boolean => breaching(p, HIGH_DATAPOINTS, (v) => v > config(p).TargetValue);
const lowAlarm = (p: PolicyRecord): boolean => breaching(p, LOW_DATAPOINTS, (v) => v < config(p).TargetValue * LOW_FACTOR);

/** The capacity that brings the metric back to the target: proportional to how far off it is. */
const proposal = (p: PolicyRecord, view: ServiceView): number => Math.ceil((view.runningCount * p.datapoints[p.datapoints.length - 1]!) / config(p).TargetValue);

function largest(policies: PolicyRecord[], view: ServiceView): { p: PolicyRecord; capacity: number } {
  return policies.map((p) => ({ p, capacity: proposal(p, view) })).reduce((a, b) => (b.capacity > a.capacity ? b : a));
}

const clamp = (rec: TargetRecord, n: number): number => Math.min(Math.max(n, rec.target.MinCapacity), rec.target.MaxCapacity);
const alarmName = (p: PolicyRecord, kind: string): string => p.policy.Alarms?.find((a) => a.AlarmName.includes(`-${kind}-`))?.AlarmName ?? "";

/** True when an AlarmHigh is in ALARM (whatever came of it): scale-in waits for the next minute. */
function scaleOut(s: Scaling, rec: TargetRecord, view: ServiceView, tracking: PolicyRecord[]): boolean {
  const firing = tracking.filter(highAlarm);
  if (firing.length === 0) return false;
  if (rec.target.SuspendedState?.DynamicScalingOutSuspended) return true;
  const { p, capacity } = largest(firing, view);
  const cause = capacityText.alarm(alarmName(p, "AlarmHigh"), p.policy.PolicyName);
  const to = clamp(rec, capacity);
  // While its scale-out cools down, the capacity a policy added counts: only a larger one goes ahead.
  const last = p.lastScaleOut;
  const floor = last && s.now < last.at + (config(p).ScaleOutCooldown ?? DEFAULT_COOLDOWN_S) ? Math.max(view.desiredCount, last.to) : view.desiredCount;
  if (to > floor) {
    if (changeDesired(s, rec, view, to, cause)) {
      p.lastScaleOut = { at: s.now, to };
      // A scale-out ends every scale-in cooldown of the target.
      for (const other of tracking) delete other.lastScaleIn;
    }
    return true;
  }
  const max = rec.target.MaxCapacity;
  notScaled(s, rec, cause, view.desiredCount >= max ? { Code: "AlreadyAtMaxCapacity", MaxCapacity: max } : { Code: "AlreadyAtDesiredCapacity", CurrentCapacity: view.desiredCount });
  return true;
}

function scaleIn(s: Scaling, rec: TargetRecord, view: ServiceView, tracking: PolicyRecord[]): void {
  const enabled = tracking.filter((p) => !config(p).DisableScaleIn);
  if (enabled.length === 0 || !enabled.every(lowAlarm)) return;
  if (rec.target.SuspendedState?.DynamicScalingInSuspended) return;
  const cooling = enabled.some((p) => p.lastScaleIn !== undefined && s.now < p.lastScaleIn + (config(p).ScaleInCooldown ?? DEFAULT_COOLDOWN_S));
  if (cooling) return;
  const { p, capacity } = largest(enabled, view);
  const cause = capacityText.alarm(alarmName(p, "AlarmLow"), p.policy.PolicyName);
  if (view.deploying) return notScaled(s, rec, cause, { Code: "TargetServicePutResourceAsUnscalable" });
  const to = clamp(rec, capacity);
  if (to < view.desiredCount) {
    if (changeDesired(s, rec, view, to, cause)) for (const q of enabled) q.lastScaleIn = s.now;
    return;
  }
  const min = rec.target.MinCapacity;
  notScaled(s, rec, cause, view.desiredCount <= min ? { Code: "AlreadyAtMinCapacity", MinCapacity: min } : { Code: "AlreadyAtDesiredCapacity", CurrentCapacity: view.desiredCount });
}

function notScaled(s: Scaling, rec: TargetRecord, cause: string, reason: NotScaledReason): void {
  addNotScaled(s.backend, s.state, s.now, refOf(rec), cause, reason);
}
