// Attaching and detaching a group's traffic sources (ELBv2 target groups): the instances in
// service join or leave them through ELBv2's RegisterTargets and DeregisterTargets.
import type { AutoScalingContext } from "../context.js";
import type { TrafficSourceIdentifier } from "../generated/types.js";
import { asgErrors } from "./errors.js";
import { liveGroup } from "./groups.js";
import { checkTargetGroups, normalizeTrafficSources, registerAll } from "./targets.js";

const MAX_SOURCES = 50;

export function attachSources(ctx: AutoScalingContext, groupName: string, given: TrafficSourceIdentifier[]): void {
  const { state, backend } = ctx;
  const group = liveGroup(state, groupName);
  const sources = normalizeTrafficSources(given);
  checkTargetGroups(backend, state, sources.map((s) => s.Identifier));
  const added = sources.filter((s, i) => !group.trafficSources.some((t) => t.Identifier === s.Identifier) && sources.findIndex((x) => x.Identifier === s.Identifier) === i);
  if (group.trafficSources.length + added.length > MAX_SOURCES) throw asgErrors.validation(`An Auto Scaling group can have at most ${MAX_SOURCES} traffic sources.`);
  group.trafficSources.push(...added);
  if (!group.suspended.has("AddToLoadBalancer")) registerAll(backend, state, group, added.map((s) => s.Identifier), true);
}

export function detachSources(ctx: AutoScalingContext, groupName: string, given: TrafficSourceIdentifier[]): void {
  const { state, backend } = ctx;
  const group = liveGroup(state, groupName);
  const ids = normalizeTrafficSources(given).map((s) => s.Identifier);
  const removed = group.trafficSources.filter((s) => ids.includes(s.Identifier));
  group.trafficSources = group.trafficSources.filter((s) => !ids.includes(s.Identifier));
  registerAll(backend, state, group, removed.map((s) => s.Identifier), false);
}
