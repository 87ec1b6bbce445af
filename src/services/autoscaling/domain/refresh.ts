// Instance refresh (Rolling): instances are replaced a batch at a time, keeping MinHealthyPercentage
// of the desired capacity in service and warmed up; replacements launch from the desired
// configuration, which becomes the group's when the refresh succeeds. Driven by the clock: each
// step runs when an instance has warmed up or a termination ended, never because of a Describe.
import { defineTimer } from "../../../engine/timers.js";
import type { AutoScalingBackend, AutoScalingState, GroupInstance, GroupRecord, LaunchSource, RefreshRecord } from "../context.js";
import type { InstanceRefresh, RefreshPreferences } from "../generated/types.js";
import { at } from "./activities.js";
import { countedInstances } from "./groups.js";
import { beginTermination } from "./lifecycle.js";
import { scheduleReconcile } from "./reconcile.js";

const ACTIVE = new Set(["Pending", "InProgress", "Cancelling"]);
/** How long protected or Standby instances may hold a refresh (Wait) before it fails. */
const WAIT_MS = 3_600_000;

export function activeRefresh(group: GroupRecord): RefreshRecord | undefined {
  return group.refreshes.find((r) => ACTIVE.has(r.refresh.Status!));
}

export function preferencesOf(group: GroupRecord, given: RefreshPreferences | undefined): RefreshPreferences {
  const maintenance = group.extra.InstanceMaintenancePolicy as { MinHealthyPercentage?: number } | undefined;
  return {
    MinHealthyPercentage: given?.MinHealthyPercentage ?? maintenance?.MinHealthyPercentage ?? 90,
    ...(given?.InstanceWarmup !== undefined ? { InstanceWarmup: given.InstanceWarmup } : {}),
    SkipMatching: given?.SkipMatching ?? false,
    AutoRollback: given?.AutoRollback ?? false,
    ScaleInProtectedInstances: given?.ScaleInProtectedInstances ?? "Wait",
    StandbyInstances: given?.StandbyInstances ?? "Wait",
    ...(given?.CheckpointPercentages ? { CheckpointPercentages: [...given.CheckpointPercentages] } : {}),
    ...(given?.CheckpointDelay !== undefined ? { CheckpointDelay: given.CheckpointDelay } : {}),
    ...(given?.MaxHealthyPercentage !== undefined ? { MaxHealthyPercentage: given.MaxHealthyPercentage } : {}),
    ...(given?.BakeTime !== undefined ? { BakeTime: given.BakeTime } : {}),
  };
}

function sameLaunch(inst: GroupInstance, target: LaunchSource): boolean {
  if (target.kind === "configuration") return inst.launchConfigurationName === target.name;
  const spec = target.kind === "template" ? target.template : target.policy.LaunchTemplate?.LaunchTemplateSpecification;
  return inst.launchTemplate?.LaunchTemplateId === spec?.LaunchTemplateId && inst.launchTemplate?.Version === spec?.Version;
}

/** The instances a refresh replaces: those in service (and, as the preferences say, protected or Standby ones). */
export function toReplace(group: GroupRecord, prefs: RefreshPreferences, target: LaunchSource): string[] {
  return [...group.instances.values()]
    .filter((i) => i.lifecycle === "InService" || i.lifecycle.startsWith("Pending") || (i.lifecycle === "Standby" && prefs.StandbyInstances !== "Ignore"))
    .filter((i) => !(i.protectedFromScaleIn && prefs.ScaleInProtectedInstances === "Ignore"))
    .filter((i) => !(prefs.SkipMatching && sameLaunch(i, target)))
    .map((i) => i.instanceId);
}

export function scheduleStep(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, rec: RefreshRecord, atMs: number): void {
  if (rec.timer?.fn && rec.timer.at <= atMs) return;
  backend.timeline.cancel(rec.timer);
  rec.timer = backend.timeline.call(atMs, STEP, backend, state, group, rec);
}

const STEP = defineTimer("autoscaling.refreshStep", (backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, rec: RefreshRecord) => {
  rec.timer = undefined;
  if (state.groups.get(group.name) === group) step(backend, state, group, rec);
});

/** A termination ended (now), or an instance went InService (once it has warmed up): the group's refresh may go on. */
export function nudgeRefresh(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, warming = false): void {
  const rec = activeRefresh(group);
  if (rec) scheduleStep(backend, state, group, rec, backend.timeline.now() + (warming ? rec.warmupMs : 0));
}

function finish(backend: AutoScalingBackend, group: GroupRecord, rec: RefreshRecord, status: "Successful" | "Cancelled" | "Failed", reason?: string): void {
  const r = rec.refresh;
  r.Status = status;
  r.EndTime = backend.timeline.now() / 1000;
  if (reason !== undefined) r.StatusReason = reason;
  if (status === "Successful") {
    r.PercentageComplete = 100;
    r.InstancesToUpdate = 0;
    if (rec.launch) group.launch = rec.launch;
  }
  group.refreshLaunches = 0;
  backend.timeline.cancel(rec.timer);
}

function step(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, rec: RefreshRecord): void {
  const r = rec.refresh;
  const now = backend.timeline.now();
  if (r.Status === "Cancelling") return finish(backend, group, rec, "Cancelled", "Instance refresh was cancelled by a user.");
  if (r.Status === "Pending") {
    r.Status = "InProgress";
    r.StartTime = now / 1000;
  }
  rec.toReplace = rec.toReplace.filter((id) => group.instances.has(id) && !group.instances.get(id)!.lifecycle.startsWith("Terminating"));
  const prefs = r.Preferences!;
  const warm = countedInstances(group).filter((i) => i.lifecycle === "InService" && !rec.toReplace.includes(i.instanceId) && now >= (i.inServiceAt ?? now) + rec.warmupMs);
  const fresh = countedInstances(group).filter((i) => !rec.toReplace.includes(i.instanceId));
  const done = rec.total - rec.toReplace.length - (fresh.length - warm.length);
  r.PercentageComplete = rec.total ? Math.floor((Math.max(0, done) / rec.total) * 100) : 100;
  r.InstancesToUpdate = rec.toReplace.length;
  if (!rec.toReplace.length) {
    if (fresh.length === warm.length) return finish(backend, group, rec, "Successful");
    return; // the replacements still warm up: their warm-up ends call again
  }
  const movable = rec.toReplace.filter((id) => {
    const inst = group.instances.get(id)!;
    return !(inst.protectedFromScaleIn && prefs.ScaleInProtectedInstances === "Wait") && !(inst.lifecycle === "Standby" && prefs.StandbyInstances === "Wait");
  });
  if (!movable.length) {
    rec.waitingSince ??= now;
    if (now >= rec.waitingSince + WAIT_MS) return finish(backend, group, rec, "Failed", "Instance refresh failed: protected or Standby instances were found and the refresh waited an hour for them.");
    return scheduleStep(backend, state, group, rec, rec.waitingSince + WAIT_MS);
  }
  // Out of service at once: what MinHealthyPercentage leaves, at least one, less what is still on its way.
  const healthy = countedInstances(group).filter((i) => i.lifecycle === "InService" && (rec.toReplace.includes(i.instanceId) || now >= (i.inServiceAt ?? now) + rec.warmupMs)).length;
  const allowed = Math.max(1, group.desiredCapacity - Math.ceil((group.desiredCapacity * (prefs.MinHealthyPercentage ?? 90)) / 100));
  const room = allowed - Math.max(0, group.desiredCapacity - healthy);
  if (room <= 0) return;
  for (const id of movable.slice(0, room)) {
    const inst = group.instances.get(id)!;
    if (inst.lifecycle !== "Standby") group.refreshLaunches++;
    beginTermination(backend, state, group, inst, { cause: `${at(now, "an instance was taken out of service in response to an instance refresh.")}  ${at(now, `instance ${id} was selected for termination.`)}` });
  }
  scheduleReconcile(backend, state, group);
}

/** Starts a refresh; its first step runs at the next turn of the clock. */
export function startRefresh(backend: AutoScalingBackend, state: AutoScalingState, group: GroupRecord, prefs: RefreshPreferences, launch: LaunchSource | undefined, desired: InstanceRefresh["DesiredConfiguration"]): RefreshRecord {
  const ids = toReplace(group, prefs, launch ?? group.launch);
  const warmup = prefs.InstanceWarmup ?? (group.extra.DefaultInstanceWarmup as number | undefined) ?? group.healthCheckGracePeriod;
  const rec: RefreshRecord = {
    refresh: {
      InstanceRefreshId: backend.ids.uuid(),
      AutoScalingGroupName: group.name,
      Status: "Pending",
      PercentageComplete: 0,
      InstancesToUpdate: ids.length,
      Preferences: prefs,
      ...(desired ? { DesiredConfiguration: structuredClone(desired) } : {}),
      Strategy: "Rolling",
    },
    toReplace: ids,
    total: ids.length,
    ...(launch ? { launch } : {}),
    warmupMs: warmup * 1000,
  };
  group.refreshes.push(rec);
  scheduleStep(backend, state, group, rec, backend.timeline.now());
  return rec;
}
