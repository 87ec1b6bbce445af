// Scheduled actions act on the server's clock: a one-time action at its start time (then it is
// gone), a recurring one at each time its cron recurrence names in its time zone, between its start
// and end times. Each sets the group's min, max and desired capacity as a scaling activity's cause.
import { defineTimer } from "../../../engine/timers.js";
import type { AutoScalingBackend, AutoScalingState, GroupRecord, ScheduledRecord } from "../context.js";
import type { ScheduledUpdateGroupAction, ScheduledUpdateGroupActionRequest } from "../generated/types.js";
import { scheduledActionArn } from "./arns.js";
import { nextRun, parseCron, isTimeZone } from "./cron.js";
import { asgErrors } from "./errors.js";
import { changeDesired } from "./scaling.js";

export const MAX_SCHEDULED = 125;

/** When the action runs next (ms), after `afterMs`; undefined when it never runs again. */
function nextAt(action: ScheduledUpdateGroupAction, afterMs: number): number | undefined {
  const start = action.StartTime !== undefined ? action.StartTime * 1000 : undefined;
  if (action.Recurrence === undefined) return start !== undefined && start > afterMs ? start : undefined;
  const cron = parseCron(action.Recurrence)!;
  const at = nextRun(cron, Math.max(afterMs, (start ?? afterMs) - 1), action.TimeZone ?? "UTC");
  if (at === undefined || (action.EndTime !== undefined && at > action.EndTime * 1000)) return undefined;
  return at;
}

/** Checks a request and makes the action as AWS keeps it (StartTime and Time the same moment). */
export function makeAction(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, req: ScheduledUpdateGroupActionRequest & { Time?: number }, existing?: ScheduledUpdateGroupAction): ScheduledUpdateGroupAction {
  const now = backend.timeline.now();
  if (req.MinSize === undefined && req.MaxSize === undefined && req.DesiredCapacity === undefined) throw asgErrors.validation("At least one of MinSize, MaxSize or DesiredCapacity must be specified.");
  if (req.Recurrence !== undefined && !parseCron(req.Recurrence)) throw asgErrors.validation(`Given recurrence string "${req.Recurrence}" is invalid.`);
  if (req.TimeZone !== undefined && !isTimeZone(req.TimeZone)) throw asgErrors.validation(`Invalid time zone: ${req.TimeZone}`);
  const start = req.StartTime ?? req.Time;
  if (start !== undefined && start * 1000 < now) throw asgErrors.validation("Given start time is in the past");
  if (start === undefined && req.Recurrence === undefined) throw asgErrors.validation("Either a start time or a recurrence must be specified.");
  if (req.EndTime !== undefined && start !== undefined && req.EndTime <= start) throw asgErrors.validation("Start time must be before end time");
  if (req.MinSize !== undefined && req.MaxSize !== undefined && req.MaxSize < req.MinSize) throw asgErrors.maxBelowMin(req.MaxSize, req.MinSize);
  const action: ScheduledUpdateGroupAction = {
    AutoScalingGroupName: group.name,
    ScheduledActionName: req.ScheduledActionName,
    ScheduledActionARN: existing?.ScheduledActionARN ?? scheduledActionArn(state, backend.ids.uuid(), group.name, req.ScheduledActionName),
    ...(req.Recurrence !== undefined ? { Recurrence: req.Recurrence } : {}),
    ...(start !== undefined ? { StartTime: start } : {}),
    ...(req.EndTime !== undefined ? { EndTime: req.EndTime } : {}),
    ...(req.MinSize !== undefined ? { MinSize: req.MinSize } : {}),
    ...(req.MaxSize !== undefined ? { MaxSize: req.MaxSize } : {}),
    ...(req.DesiredCapacity !== undefined ? { DesiredCapacity: req.DesiredCapacity } : {}),
    ...(req.TimeZone !== undefined ? { TimeZone: req.TimeZone } : {}),
  };
  // A recurring action without a start time shows its first run.
  if (action.StartTime === undefined) {
    const first = nextAt(action, now);
    if (first !== undefined) action.StartTime = first / 1000;
  }
  if (action.StartTime !== undefined) action.Time = action.StartTime;
  return action;
}

/** Puts (or replaces) an action and arms its timer. */
export function putAction(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, action: ScheduledUpdateGroupAction): void {
  const old = group.scheduled.get(action.ScheduledActionName!);
  backend.timeline.cancel(old?.timer);
  const rec: ScheduledRecord = { action };
  group.scheduled.set(action.ScheduledActionName!, rec);
  arm(backend, state, group, rec, backend.timeline.now() - 1);
}

export function removeAction(backend: AutoScalingBackend, group: GroupRecord, name: string): boolean {
  const rec = group.scheduled.get(name);
  if (!rec) return false;
  backend.timeline.cancel(rec.timer);
  group.scheduled.delete(name);
  return true;
}

function arm(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, rec: ScheduledRecord, afterMs: number): void {
  const at = nextAt(rec.action, afterMs);
  if (at === undefined) return;
  rec.timer = backend.timeline.call(at, RUN, backend, state, group, rec, at);
}

const RUN = defineTimer("autoscaling.scheduledAction", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, rec: ScheduledRecord, at: number) => {
  rec.timer = undefined;
  if (group.scheduled.get(rec.action.ScheduledActionName!) !== rec || state.groups.get(group.name) !== group) return;
  if (!group.suspended.has("ScheduledActions")) run(backend, state, group, rec.action);
  if (rec.action.Recurrence === undefined) group.scheduled.delete(rec.action.ScheduledActionName!);
  else arm(backend, state, group, rec, at);
});

/** After ResumeProcesses: actions whose timers were left unarmed get their next run. */
export function rearmSchedule(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  for (const rec of group.scheduled.values()) if (!rec.timer?.fn) arm(backend, state, group, rec, backend.timeline.now());
}

function run(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, a: ScheduledUpdateGroupAction): void {
  const min = a.MinSize ?? group.minSize;
  const max = a.MaxSize ?? group.maxSize;
  if (max < min) return;
  const desired = Math.min(Math.max(a.DesiredCapacity ?? group.desiredCapacity, min), max);
  group.minSize = min;
  group.maxSize = max;
  changeDesired(backend, state, group, desired, `a scheduled action update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`);
}
