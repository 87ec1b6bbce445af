// Which zone a launch goes to (the one with the fewest instances, keeping the group balanced) and
// which instances a scale-in terminates (the termination policies, never a protected instance).
import type { AutoScalingBackend, GroupInstance, GroupRecord } from "../context.js";
import { countedInstances } from "./groups.js";
import type { Where } from "./lifecycle.js";

/** Where the next `n` launches go, one at a time so that each sees the ones before. */
export function placeLaunches(group: GroupRecord, n: number): Where[] {
  const places: Where[] = group.subnets.length ? group.subnets.map((s) => ({ subnetId: s.subnetId, zone: s.zone })) : group.availabilityZones.map((zone) => ({ zone }));
  const perZone = new Map<string, number>();
  const perPlace = new Map<Where, number>();
  for (const p of places) perZone.set(p.zone, 0);
  for (const inst of countedInstances(group)) {
    perZone.set(inst.zone, (perZone.get(inst.zone) ?? 0) + 1);
    const p = places.find((x) => (x.subnetId ?? x.zone) === (inst.subnetId ?? inst.zone)) ?? places.find((x) => x.zone === inst.zone);
    if (p) perPlace.set(p, (perPlace.get(p) ?? 0) + 1);
  }
  const out: Where[] = [];
  for (let i = 0; i < n; i++) {
    const pick = [...places].sort((a, b) => perZone.get(a.zone)! - perZone.get(b.zone)! || (perPlace.get(a) ?? 0) - (perPlace.get(b) ?? 0))[0];
    out.push(pick);
    perZone.set(pick.zone, perZone.get(pick.zone)! + 1);
    perPlace.set(pick, (perPlace.get(pick) ?? 0) + 1);
  }
  return out;
}

type Narrow = (group: GroupRecord, candidates: GroupInstance[]) => GroupInstance[];

const byLaunch = (group: GroupRecord, candidates: GroupInstance[], kind: "configuration" | "template"): GroupInstance[] => {
  const current = group.launch;
  const stale = candidates.filter((i) =>
    kind === "configuration"
      ? i.launchConfigurationName !== undefined && (current.kind !== "configuration" || i.launchConfigurationName !== current.name)
      : i.launchTemplate !== undefined && JSON.stringify(i.launchTemplate) !== JSON.stringify(current.kind === "template" ? current.template : current.kind === "mixed" ? current.policy.LaunchTemplate?.LaunchTemplateSpecification : undefined),
  );
  return stale.length ? stale : candidates;
};

const oldestSeq = (c: GroupInstance[]) => Math.min(...c.map((i) => i.seq));
const newestSeq = (c: GroupInstance[]) => Math.max(...c.map((i) => i.seq));

const POLICIES: Record<string, Narrow> = {
  OldestInstance: (_g, c) => c.filter((i) => i.seq === oldestSeq(c)),
  NewestInstance: (_g, c) => c.filter((i) => i.seq === newestSeq(c)),
  OldestLaunchConfiguration: (g, c) => byLaunch(g, c, "configuration"),
  OldestLaunchTemplate: (g, c) => byLaunch(g, c, "template"),
  // No billing hours or Spot allocation here: these leave the choice to what follows.
  ClosestToNextInstanceHour: (_g, c) => c,
  AllocationStrategy: (_g, c) => c,
  Default: (g, c) => byLaunch(g, byLaunch(g, c, "configuration"), "template"),
};

function pickOne(backend: AutoScalingBackend, group: GroupRecord, candidates: GroupInstance[]): GroupInstance {
  // An unbalanced group gives from its zone with the most instances (one with an instance to give);
  // a balanced one applies its policies across every zone.
  const zones = new Map<string, number>(group.availabilityZones.map((z) => [z, 0]));
  for (const i of countedInstances(group)) zones.set(i.zone, (zones.get(i.zone) ?? 0) + 1);
  const most = Math.max(...candidates.map((i) => zones.get(i.zone) ?? 0));
  const balanced = Math.min(...[...zones.values()]) === most;
  let left = balanced ? candidates : candidates.filter((i) => i.zone === candidates.find((c) => (zones.get(c.zone) ?? 0) === most)!.zone);
  for (const name of [...group.terminationPolicies, "Default"]) {
    if (left.length === 1) break;
    left = (POLICIES[name] ?? POLICIES.Default)(group, left);
  }
  return left.length === 1 ? left[0] : left[Math.floor(backend.ids.random() * left.length)];
}

/** Up to `n` instances to terminate for a scale-in; protected ones are never chosen. */
export function chooseForScaleIn(backend: AutoScalingBackend, group: GroupRecord, n: number): GroupInstance[] {
  let candidates = countedInstances(group).filter((i) => !i.protectedFromScaleIn);
  const out: GroupInstance[] = [];
  while (out.length < n && candidates.length) {
    const pick = pickOne(backend, group, candidates);
    out.push(pick);
    candidates = candidates.filter((i) => i !== pick);
    // The next pick sees this one gone.
    pick.lifecycle = "Terminating";
  }
  return out;
}
