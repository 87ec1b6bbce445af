// Tags of groups: CreateOrUpdateTags/DeleteTags, at creation, DescribeTags' filters, and the
// tag filters of DescribeAutoScalingGroups. Tags with PropagateAtLaunch reach new instances.
import type { AutoScalingState, GroupRecord } from "../context.js";
import type { Filter, Tag, TagDescription } from "../generated/types.js";
import { asgErrors } from "./errors.js";

const MAX_TAGS = 50;

/** A tag of a group as AWS keeps it: its group, type, key, value and PropagateAtLaunch. */
export function describeTag(group: string, t: Tag): TagDescription {
  return { ResourceId: group, ResourceType: "auto-scaling-group", Key: t.Key, Value: t.Value ?? "", PropagateAtLaunch: t.PropagateAtLaunch ?? false };
}

/** Adds or overwrites tags of one group (checked first, so a refused request changes nothing). */
export function putTags(group: GroupRecord, tags: Tag[]): void {
  const next = [...group.tags];
  for (const t of tags) {
    const tag = describeTag(group.name, t);
    const i = next.findIndex((x) => x.Key === t.Key);
    if (i >= 0) next[i] = tag;
    else next.push(tag);
  }
  if (next.length > MAX_TAGS) throw asgErrors.limit(`The number of tags specified (${next.length}) is greater than the maximum allowed (${MAX_TAGS}).`);
  group.tags = next;
}

export function checkTagTargets(tags: Tag[]): void {
  for (const t of tags) {
    if (t.ResourceType !== undefined && t.ResourceType !== "auto-scaling-group") throw asgErrors.validation(`Invalid resource type: ${t.ResourceType}`);
    if (t.ResourceId === undefined) throw asgErrors.validation("ResourceId and ResourceType are required for a tag.");
  }
}

export function removeTags(group: GroupRecord, tags: Tag[]): void {
  group.tags = group.tags.filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value)));
}

const TAG_FILTERS = ["auto-scaling-group", "key", "value", "propagate-at-launch"];

/** DescribeTags: filters combine with AND, the values of one filter with OR. */
export function tagMatches(t: TagDescription, filters: Filter[] | undefined): boolean {
  for (const f of filters ?? []) {
    if (f.Name === undefined) throw asgErrors.filterName();
    if (!TAG_FILTERS.includes(f.Name ?? "")) throw asgErrors.validation(`Filter type ${f.Name} is not correct. Allowed Filter types are: ${TAG_FILTERS.join(" ")}`);
    const values = f.Values ?? [];
    const field = f.Name === "auto-scaling-group" ? t.ResourceId : f.Name === "key" ? t.Key : f.Name === "value" ? t.Value : String(t.PropagateAtLaunch);
    if (!values.includes(field ?? "")) return false;
  }
  return true;
}

/** DescribeAutoScalingGroups' filters: `tag-key`, `tag-value`, `tag:<key>`. */
export function groupMatches(group: GroupRecord, filters: Filter[] | undefined): boolean {
  for (const f of filters ?? []) {
    if (f.Name === undefined) throw asgErrors.filterName();
    const name = f.Name;
    const values = f.Values ?? [];
    if (name === "tag-key") {
      if (!group.tags.some((t) => values.includes(t.Key ?? ""))) return false;
    } else if (name === "tag-value") {
      if (!group.tags.some((t) => values.includes(t.Value ?? ""))) return false;
    } else if (name.startsWith("tag:")) {
      const key = name.slice(4);
      if (!group.tags.some((t) => t.Key === key && values.includes(t.Value ?? ""))) return false;
    } else throw asgErrors.validation(`Filter type ${name} is not correct. Allowed Filter types are: tag-key tag-value tag:<key>`);
  }
  return true;
}

export function allTags(state: AutoScalingState): TagDescription[] {
  return [...state.groups.values()].flatMap((g) => g.tags.map((t) => ({ ...t })));
}
