// The end of a group: once DeleteAutoScalingGroup's instances are gone, the group, its hooks,
// policies, scheduled actions and timers go too; its activities stay for IncludeDeletedGroups.
import type { AutoScalingBackend, AutoScalingState, GroupRecord } from "../context.js";

export function deleteGroupNow(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord): void {
  backend.timeline.cancel(group.reconcileTimer);
  for (const s of group.scheduled.values()) backend.timeline.cancel(s.timer);
  for (const r of group.refreshes) backend.timeline.cancel(r.timer);
  for (const inst of group.instances.values()) {
    for (const a of inst.actions.values()) backend.timeline.cancel(a.timer);
    backend.timeline.cancel(inst.healthTimer);
    if (state.instanceGroups.get(inst.instanceId) === group.name) state.instanceGroups.delete(inst.instanceId);
  }
  if (state.groups.get(group.name) === group) state.groups.delete(group.name);
}
