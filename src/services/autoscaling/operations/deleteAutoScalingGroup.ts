import type { Handler } from "../context.js";
import { inProgress } from "../domain/activities.js";
import { asgErrors } from "../domain/errors.js";
import { findGroup } from "../domain/groups.js";
import { scheduleReconcile } from "../domain/reconcile.js";

/**
 * Without ForceDelete a group must be empty and idle; with it, its instances are terminated
 * (outstanding lifecycle actions dropped). Either way it shows "Delete in progress" until its
 * instances are gone, and disappears at the turn after.
 */
export const deleteAutoScalingGroup: Handler<"DeleteAutoScalingGroup"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = findGroup(state, input.AutoScalingGroupName);
  if (group.deleting) return {};
  if (!input.ForceDelete) {
    if (inProgress(state, group)) throw asgErrors.deleteWithActivities();
    if (group.instances.size) throw asgErrors.deleteWithInstances();
  }
  group.deleting = true;
  for (const s of group.scheduled.values()) backend.timeline.cancel(s.timer);
  scheduleReconcile(backend, state, group);
  return {};
};
