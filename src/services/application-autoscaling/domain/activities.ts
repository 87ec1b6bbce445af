// Scaling activities in AWS's wording: what changed a target's capacity (or its bounds), why, and how
// it ended. A change of desired count stays InProgress until ECS runs the count it was given.
import type { ActivityRecord, ApplicationAutoScalingBackend, ApplicationAutoScalingState } from "../context.js";
import type { NotScaledReason, ScalingActivity } from "../generated/types.js";
import type { TargetRef } from "./messages.js";
import type { ServiceView } from "./ecsPort.js";

/** Activities are kept six weeks, as DescribeScalingActivities reaches back. */
const RETENTION_S = 42 * 24 * 3600;

export interface ActivityText {
  Description: string;
  Cause: string;
  StatusCode: ScalingActivity["StatusCode"];
  StatusMessage?: string;
  EndTime?: number;
  NotScaledReasons?: NotScaledReason[];
}

export const capacityText = {
  setting: (n: number) => `Setting desired count to ${n}.`,
  done: (n: number) => `Successfully set desired count to ${n}. Change successfully fulfilled by ecs.`,
  failed: (n: number, reason: string) => `Failed to set desired count to ${n}. Reason: ${reason}`,
  minimumSet: (n: number) => `minimum capacity was set to ${n}`,
  maximumSet: (n: number) => `maximum capacity was set to ${n}`,
  alarm: (alarm: string, policy: string) => `monitor alarm ${alarm} in state ALARM triggered policy ${policy}`,
  attempting: "Attempting to scale due to alarm triggered",
};

const sameTarget = (a: ScalingActivity, ref: TargetRef): boolean =>
  a.ServiceNamespace === ref.ServiceNamespace && a.ResourceId === ref.ResourceId && a.ScalableDimension === ref.ScalableDimension;

export function addActivity(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, now: number, ref: TargetRef, text: ActivityText, change?: { from: number; to: number }): ActivityRecord {
  const activity = { ActivityId: backend.ids.uuid(), ...ref, ...text, StartTime: now } as ScalingActivity;
  const rec: ActivityRecord = { activity, ...(change ? { to: change.to, from: change.from } : {}) };
  state.activities.unshift(rec);
  while (state.activities.length && state.activities[state.activities.length - 1].activity.StartTime < now - RETENTION_S) state.activities.pop();
  return rec;
}

/**
 * A decision not to scale, recorded once while its reason lasts: an alarm that stays in ALARM asks
 * every minute, and a not scaled activity for each ask would bury the rest.
 */
export function addNotScaled(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, now: number, ref: TargetRef, cause: string, reason: NotScaledReason): void {
  const last = state.activities.find((r) => sameTarget(r.activity, ref))?.activity;
  if (last?.NotScaledReasons?.[0]?.Code === reason.Code && last.Cause === cause) return;
  addActivity(backend, state, now, ref, { Description: capacityText.attempting, Cause: cause, StatusCode: "Failed", NotScaledReasons: [reason] });
}

export function pendingActivities(state: ApplicationAutoScalingState, ref: TargetRef): ActivityRecord[] {
  return state.activities.filter((r) => r.to !== undefined && r.activity.StatusCode === "InProgress" && sameTarget(r.activity, ref));
}

/** A newer change of the desired count overrides the ones still under way. */
export function overridePending(state: ApplicationAutoScalingState, ref: TargetRef, now: number): void {
  for (const r of pendingActivities(state, ref)) finish(r, "Overridden", now);
}

/** Ends the changes ECS has carried out: Successful once it runs the count, Overridden when someone set another. */
export function settleActivities(state: ApplicationAutoScalingState, ref: TargetRef, view: ServiceView | undefined, now: number): void {
  for (const r of pendingActivities(state, ref)) {
    const to = r.to!;
    if (!view || view.desiredCount !== to) finish(r, "Overridden", now);
    else if (r.from !== undefined && (to >= r.from ? view.runningCount >= to : view.runningCount <= to)) finish(r, "Successful", now, capacityText.done(to));
  }
}

function finish(r: ActivityRecord, status: ScalingActivity["StatusCode"], now: number, message?: string): void {
  r.activity.StatusCode = status;
  r.activity.EndTime = now;
  if (message) r.activity.StatusMessage = message;
  delete r.to;
  delete r.from;
}

export function activityMatches(a: ScalingActivity, namespace: string, resourceId: string | undefined, dimension: string | undefined, includeNotScaled: boolean): boolean {
  if (a.ServiceNamespace !== namespace) return false;
  if (resourceId !== undefined && a.ResourceId !== resourceId) return false;
  if (dimension !== undefined && a.ScalableDimension !== dimension) return false;
  return includeNotScaled || a.NotScaledReasons === undefined;
}
