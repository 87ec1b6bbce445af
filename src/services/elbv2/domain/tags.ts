// Tags of every ELBv2 resource, by ARN; the resource must exist.
import type { Elbv2State } from "../context.js";
import { DuplicateTagKeysException, TooManyTagsException } from "../generated/errors.js";
import type { Tag } from "../generated/types.js";
import { findRule, notFound } from "./lookup.js";

const MAX_TAGS = 50;

/** Throws the resource type's "not found" error when the ARN names nothing. */
export function checkTaggable(state: Elbv2State, arn: string): void {
  if (arn.includes(":loadbalancer/")) {
    if (!state.loadBalancers.has(arn)) throw notFound.loadBalancers();
  } else if (arn.includes(":targetgroup/")) {
    if (!state.targetGroups.has(arn)) throw notFound.targetGroups();
  } else if (arn.includes(":listener-rule/")) {
    if (!findRule(state, arn)) throw notFound.rules();
  } else if (arn.includes(":listener/")) {
    if (!state.listeners.has(arn)) throw notFound.listeners();
  } else throw notFound.loadBalancers();
}

/** Checks tags given at creation (or to add) before anything is stored. */
export function checkNewTags(tags: Tag[] | undefined): void {
  if ((tags?.length ?? 0) > MAX_TAGS) throw new TooManyTagsException("The quota for the number of tags that can be assigned to a load balancer has been reached");
  const keys = new Set<string>();
  for (const t of tags ?? []) {
    if (keys.has(t.Key)) throw new DuplicateTagKeysException(`Tag key '${t.Key}' specified more than once`);
    keys.add(t.Key);
  }
}

/** The resource's tags with `tags` added, refused beyond the quota; nothing is stored. */
export function mergedTags(state: Elbv2State, arn: string, tags: Tag[] | undefined): Tag[] {
  const current = new Map((state.tags.get(arn) ?? []).map((t) => [t.Key, t.Value]));
  for (const t of tags ?? []) current.set(t.Key, t.Value);
  if (current.size > MAX_TAGS) throw new TooManyTagsException("The quota for the number of tags that can be assigned to a load balancer has been reached");
  return [...current].map(([Key, Value]) => ({ Key, ...(Value !== undefined ? { Value } : {}) }));
}

export function addTags(state: Elbv2State, arn: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  state.tags.set(arn, mergedTags(state, arn, tags));
}
