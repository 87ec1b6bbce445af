// Scheduled actions on the server clock: each waits on the timeline for its next run, sets the
// target's minimum and maximum capacity then, and the desired count follows into the new bounds.
import { defineTimer } from "../../../engine/timers.js";
import type { ActionRecord, ApplicationAutoScalingBackend, ApplicationAutoScalingState, TargetRecord } from "../context.js";
import type { ScheduledAction } from "../generated/types.js";
import { addActivity } from "./activities.js";
import { keepWithinBounds, type Scaling } from "./capacity.js";
import { isActive, ownRequest, readService, type ServiceView } from "./ecsPort.js";
import { messages } from "./messages.js";
import { nextRun, parseSchedule, type Bounds, type Schedule } from "./schedule.js";
import { ecsResource } from "./resources.js";
import { forget, isCurrent, refOf } from "./targets.js";

const toMs = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : Math.round(seconds * 1000));

export function scheduleOf(action: ScheduledAction): Schedule {
  return parseSchedule(action.Schedule, action.Timezone ?? "UTC")!;
}

export function boundsOf(action: ScheduledAction, anchor: number): Bounds {
  return { start: toMs(action.StartTime), end: toMs(action.EndTime), anchor };
}

/** The first run of an action put at `now` (ms): one due at this very moment still runs. */
export function firstRun(a: ActionRecord, now: number): number | undefined {
  return nextRun(scheduleOf(a.action), boundsOf(a.action, a.anchor), now - 1);
}

/** Waits for the action's next run on the timeline (replacing any earlier wait). */
export function arm(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord, a: ActionRecord): void {
  backend.timeline.cancel(backend.actionTimers.get(a));
  backend.actionTimers.delete(a);
  if (a.next === undefined) return;
  const at = a.next;
  backend.actionTimers.set(a, backend.timeline.call(at, RUN, backend, state, rec, a, at));
}

const RUN = defineTimer("applicationAutoScaling.scheduledAction", (backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord, a: ActionRecord, at: number) => {
  backend.actionTimers.delete(a);
  if (!isCurrent(state, rec) || rec.actions.get(a.action.ScheduledActionName) !== a) return;
  const s = { backend, state, request: ownRequest(backend, state), now: backend.timeline.now() / 1000 };
  const view = readService(backend, s.request, ecsResource(rec.target.ResourceId)!);
  if (!isActive(view)) return forget(backend, state, rec);
  // A suspended target lets the run pass: resumed, only runs still to come are made.
  if (!rec.target.SuspendedState?.ScheduledScalingSuspended) run(s, rec, a, view);
  a.next = nextRun(scheduleOf(a.action), boundsOf(a.action, a.anchor), at);
  arm(backend, state, rec, a);
});

/** Sets the bounds the action names, with its activity; then the desired count follows them. */
function run(s: Scaling, rec: TargetRecord, a: ActionRecord, view: ServiceView): void {
  const { MinCapacity: min, MaxCapacity: max } = a.action.ScalableTargetAction ?? {};
  const parts = [...(min !== undefined ? [`min capacity to ${min}`] : []), ...(max !== undefined ? [`max capacity to ${max}`] : [])];
  const what = parts.join(" and ");
  const cause = `scheduled action name ${a.action.ScheduledActionName} was triggered`;
  const newMin = min ?? rec.target.MinCapacity;
  const newMax = max ?? rec.target.MaxCapacity;
  if (newMin > newMax) {
    const reason = messages.minAboveMax(newMin, newMax);
    addActivity(s.backend, s.state, s.now, refOf(rec), { Description: `Setting ${what}`, Cause: cause, StatusCode: "Failed", StatusMessage: `Failed to set ${what}. Reason: ${reason}`, EndTime: s.now });
    return;
  }
  rec.target.MinCapacity = newMin;
  rec.target.MaxCapacity = newMax;
  addActivity(s.backend, s.state, s.now, refOf(rec), { Description: `Setting ${what}`, Cause: cause, StatusCode: "Successful", StatusMessage: `Successfully set ${what}` });
  keepWithinBounds(s, rec, view);
}
