// Changes of a group's desired capacity, whoever asks (a user, a policy, a scheduled action, ECS),
// and the cooldown that follows them: the Cause each change gives the activities it leads to.
import type { AutoScalingBackend, AutoScalingState, GroupRecord } from "../context.js";
import { at, inProgress } from "./activities.js";
import { asgErrors } from "./errors.js";
import { scheduleReconcile } from "./reconcile.js";

/**
 * Sets the desired capacity; `why` is what asked, as the Cause words it after its time ("a user
 * request explicitly set group desired capacity"). The reconciler launches or terminates after it.
 */
export function changeDesired(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, desired: number, why: string, cooldown = group.defaultCooldown): void {
  const from = group.desiredCapacity;
  group.desiredCapacity = desired;
  if (from !== desired) {
    group.pendingCause = at(backend.timeline.now(), `${why} changing the desired capacity from ${from} to ${desired}.`);
    group.pendingCooldown = cooldown;
    group.cooldownArmed = true;
  }
  scheduleReconcile(backend, state, group);
}

/** SetDesiredCapacity's bounds, in its words. */
export function checkSetDesired(group: GroupRecord, desired: number): void {
  if (desired > group.maxSize) throw asgErrors.desiredAboveMax(desired, group.maxSize);
  if (desired < group.minSize) throw asgErrors.desiredBelowMin(desired, group.minSize);
}

/** Create and Update's bounds: max at least min, desired between them. */
export function checkBounds(min: number, max: number, desired: number): void {
  if (max < min) throw asgErrors.maxBelowMin(max, min);
  if (desired < min || desired > max) throw asgErrors.desiredOutOfRange(desired, min, max);
}

/** HonorCooldown: an activity in progress, or a cooldown not yet over, refuses the change. */
export function checkCooldown(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  const running = inProgress(state, group);
  if (running) throw asgErrors.activityInProgress(running.ActivityId);
  if (backend.timeline.now() < group.cooldownUntil && group.cooldownActivityId) throw asgErrors.activityInProgress(group.cooldownActivityId);
}

/** After a change's last activity ends, its cooldown starts. */
export function settle(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, activityId?: string): void {
  if (!group.cooldownArmed || inProgress(state, group)) return;
  group.cooldownArmed = false;
  group.cooldownUntil = backend.timeline.now() + group.pendingCooldown * 1000;
  if (activityId !== undefined) group.cooldownActivityId = activityId;
}
