// Changing a service's desired count on a target's behalf: through ECS's UpdateService, with the
// activity that says why, watched until ECS runs the new count.
import { defineTimer } from "../../../engine/timers.js";
import type { RequestContext } from "../../../protocol/context.js";
import { AwsError } from "../../../protocol/errors.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState, TargetRecord } from "../context.js";
import { addActivity, capacityText, overridePending, pendingActivities, settleActivities } from "./activities.js";
import { isActive, ownRequest, readService, updateDesiredCount, type ServiceView } from "./ecsPort.js";
import { ecsResource } from "./resources.js";
import { isCurrent, refOf, timersOf } from "./targets.js";

/** How often a change under way is looked at (ms of the server clock). */
const WATCH_MS = 5_000;

/** Where a scaling decision is made: the request or timer's context and its moment (epoch seconds). */
export interface Scaling {
  backend: ApplicationAutoScalingBackend;
  state: ApplicationAutoScalingState;
  request: RequestContext;
  now: number;
}

/** Sets the desired count with an activity; false when ECS refused (the activity says why). */
export function changeDesired(s: Scaling, rec: TargetRecord, view: ServiceView, to: number, cause: string): boolean {
  const ref = refOf(rec);
  overridePending(s.state, ref, s.now);
  try {
    updateDesiredCount(s.backend, s.request, ecsResource(ref.ResourceId)!, to);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    addActivity(s.backend, s.state, s.now, ref, { Description: capacityText.setting(to), Cause: cause, StatusCode: "Failed", StatusMessage: capacityText.failed(to, e.message), EndTime: s.now });
    return false;
  }
  addActivity(s.backend, s.state, s.now, ref, { Description: capacityText.setting(to), Cause: cause, StatusCode: "InProgress" }, { from: view.desiredCount, to });
  watch(s.backend, s.state, rec);
  return true;
}

/** Brings the desired count within the target's bounds, as AWS does whenever they change. */
export function keepWithinBounds(s: Scaling, rec: TargetRecord, view = readService(s.backend, s.request, ecsResource(rec.target.ResourceId)!)): void {
  if (!isActive(view)) return;
  const { MinCapacity: min, MaxCapacity: max } = rec.target;
  if (view.desiredCount < min) changeDesired(s, rec, view, min, capacityText.minimumSet(min));
  else if (view.desiredCount > max) changeDesired(s, rec, view, max, capacityText.maximumSet(max));
}

/** Looks at the service every few seconds while a change is under way, and ends the activity when it is done. */
export function watch(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord): void {
  const timers = timersOf(backend, rec);
  if (timers.watch) return;
  timers.watch = backend.timeline.callAfter(WATCH_MS, LOOK, backend, state, rec);
}

const LOOK = defineTimer("applicationAutoScaling.watch", (backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord) => {
  const timers = timersOf(backend, rec);
  timers.watch = undefined;
  if (!isCurrent(state, rec)) return;
  const ref = refOf(rec);
  const view = readService(backend, ownRequest(backend, state), ecsResource(ref.ResourceId)!);
  settleActivities(state, ref, view, backend.timeline.now() / 1000);
  if (pendingActivities(state, ref).length) timers.watch = backend.timeline.callAfter(WATCH_MS, LOOK, backend, state, rec);
});
