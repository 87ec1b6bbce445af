// Scaling activities: every launch, termination and move of an instance is one, with AWS's
// Description, Cause, status and Details, kept newest-last and answered newest-first.
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord } from "../context.js";
import type { Activity, ScalingActivityStatusCode } from "../generated/types.js";
import { causeTime } from "./time.js";

/** Activities kept per group (AWS keeps six weeks of them); the oldest go first. */
const KEEP_PER_GROUP = 1000;

export interface NewActivity {
  description: string;
  cause: string;
  status?: ScalingActivityStatusCode;
  progress?: number;
  inst?: GroupInstance;
  /** Where a launch that never got an instance was headed. */
  place?: Pick<GroupInstance, "subnetId" | "zone">;
}

/** `{"Subnet ID":"subnet-…","Availability Zone":"us-east-1a"}`, as the activity's Details reads. */
export function details(inst: Pick<GroupInstance, "subnetId" | "zone"> | undefined): string {
  if (!inst) return "{}";
  return JSON.stringify({ ...(inst.subnetId !== undefined ? { "Subnet ID": inst.subnetId } : {}), "Availability Zone": inst.zone });
}

export function startActivity(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, a: NewActivity): Activity {
  const activity: Activity = {
    ActivityId: backend.ids.uuid(),
    AutoScalingGroupName: group.name,
    Description: a.description,
    Cause: a.cause,
    StartTime: backend.timeline.now() / 1000,
    StatusCode: a.status ?? "InProgress",
    Progress: a.progress ?? 0,
    Details: details(a.inst ?? a.place),
  };
  state.activities.push({ activity, groupArn: group.arn });
  trim(state, group);
  if (a.inst) a.inst.activityId = activity.ActivityId;
  return activity;
}

function trim(state: AutoScalingState, group: GroupRecord): void {
  const count = (state.activityCounts.get(group.arn) ?? 0) + 1;
  state.activityCounts.set(group.arn, count);
  if (count <= KEEP_PER_GROUP) return;
  state.activities.splice(state.activities.findIndex((r) => r.groupArn === group.arn), 1);
  state.activityCounts.set(group.arn, count - 1);
}

export function findActivity(state: AutoScalingState, id: string | undefined): Activity | undefined {
  if (id === undefined) return undefined;
  for (let i = state.activities.length - 1; i >= 0; i--) if (state.activities[i].activity.ActivityId === id) return state.activities[i].activity;
  return undefined;
}

/** Moves an activity on; a final status (Successful, Failed, Cancelled) ends it at 100%. */
export function updateActivity(backend: AutoScalingBackend, state: AutoScalingState, id: string | undefined, status: ScalingActivityStatusCode, progress?: number, message?: string): void {
  const a = findActivity(state, id);
  if (!a || isFinal(a.StatusCode)) return;
  a.StatusCode = status;
  if (isFinal(status)) {
    a.Progress = 100;
    a.EndTime = backend.timeline.now() / 1000;
  } else if (progress !== undefined) a.Progress = progress;
  if (message !== undefined) {
    a.StatusMessage = message;
    a.Description = `${a.Description}.  Status Reason: ${message}`;
  }
}

export function isFinal(status: string): boolean {
  return status === "Successful" || status === "Failed" || status === "Cancelled";
}

export function inProgress(state: AutoScalingState, group: GroupRecord): Activity | undefined {
  for (let i = state.activities.length - 1; i >= 0; i--) {
    const r = state.activities[i];
    if (r.groupArn === group.arn && !isFinal(r.activity.StatusCode)) return r.activity;
  }
  return undefined;
}

/** "At <time> " in front of each sentence of a Cause. */
export function at(ms: number, sentence: string): string {
  return `At ${causeTime(ms)} ${sentence}`;
}
