// The group's reconciler: on the server's clock (never because someone called Describe) it brings
// the instances counted toward the desired capacity to it, launching or terminating, unless the
// Launch or Terminate process is suspended; a group being deleted loses its instances, then itself.
import { defineTimer } from "../../../engine/timers.js";
import type { AutoScalingBackend, AutoScalingState, GroupRecord } from "../context.js";
import { at } from "./activities.js";
import { countedInstances, isTerminating } from "./groups.js";
import { beginTermination, launchInstance } from "./lifecycle.js";
import { deleteGroupNow } from "./deletion.js";
import { settle } from "./scaling.js";
import { chooseForScaleIn, placeLaunches } from "./selection.js";

/** Runs the reconciler at the next turn of the clock (once, however many changes led to it). */
export function scheduleReconcile(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, atMs = backend.timeline.now()): void {
  if (group.reconcileTimer?.fn && group.reconcileTimer.at <= atMs) return;
  backend.timeline.cancel(group.reconcileTimer);
  group.reconcileTimer = backend.timeline.call(atMs, RECONCILE, backend, state, group);
}

const RECONCILE = defineTimer("autoscaling.reconcile", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord) => {
  group.reconcileTimer = undefined;
  if (state.groups.get(group.name) === group) reconcile(backend, state, group);
});

function takeCause(group: GroupRecord, sentence: string): string {
  const cause = group.pendingCause ? `${group.pendingCause}  ${sentence}` : sentence;
  group.pendingCause = undefined;
  return cause;
}

/** Launches at once: a larger difference is met a batch a second, as AWS launches in batches (its pace is not published). */
const BATCH = 50;
const BATCH_EVERY_MS = 1000;

function scaleOut(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, have: number, wanted: number): void {
  const now = backend.timeline.now();
  if (now < group.retryAt) return scheduleReconcile(backend, state, group, group.retryAt);
  const n = Math.min(wanted, BATCH);
  if (wanted > n) scheduleReconcile(backend, state, group, now + BATCH_EVERY_MS);
  const replacing = Math.min(group.replacements, n);
  group.replacements -= replacing;
  const refreshing = Math.min(group.refreshLaunches, n - replacing);
  group.refreshLaunches -= refreshing;
  const diffCause = n > replacing + refreshing ? takeCause(group, at(now, `an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${have + replacing + refreshing} to ${have + n}.`)) : "";
  const places = placeLaunches(group, n);
  for (let i = 0; i < places.length; i++) {
    const cause =
      i < replacing ? at(now, "an instance was launched in response to an unhealthy instance needing to be replaced.") : i < replacing + refreshing ? at(now, "an instance was launched in response to an instance refresh.") : diffCause;
    if (!launchInstance(backend, state, group, places[i], cause)) {
      // EC2 refused: the rest wait for the retry, replacements included.
      group.replacements += Math.max(0, replacing - i);
      group.refreshLaunches += Math.max(0, Math.min(refreshing, replacing + refreshing - i));
      return scheduleReconcile(backend, state, group, group.retryAt);
    }
  }
}

function scaleIn(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, have: number, n: number): void {
  const now = backend.timeline.now();
  const chosen = chooseForScaleIn(backend, group, n);
  if (!chosen.length) return;
  const shrink = at(now, `an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${have} to ${have - chosen.length}.`);
  const cause = takeCause(group, shrink);
  for (const inst of chosen) beginTermination(backend, state, group, inst, { cause: `${cause}  ${at(now, `instance ${inst.instanceId} was selected for termination.`)}` });
}

export function reconcile(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  if (group.deleting) return drain(backend, state, group);
  const have = countedInstances(group).length;
  const diff = group.desiredCapacity - have;
  if (diff > 0 && !group.suspended.has("Launch")) scaleOut(backend, state, group, have, diff);
  else if (diff < 0 && !group.suspended.has("Terminate")) scaleIn(backend, state, group, have, -diff);
  settle(backend, state, group);
}

/** A group being deleted: every instance terminates (hooks skipped), then the group goes. */
function drain(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  const now = backend.timeline.now();
  for (const inst of [...group.instances.values()]) {
    if (isTerminating(inst)) continue;
    beginTermination(backend, state, group, inst, { cause: at(now, "an instance was taken out of service in response to a user request to delete the AutoScalingGroup."), noHooks: true });
  }
  if (!group.instances.size) deleteGroupNow(backend, state, group);
}
