// Resource tags, kept beside the resources by ARN so every resource type tags the same way.
import type { Tag } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { InvalidParameterException } from "../generated/errors.js";

const MAX_TAGS = 50;

/** Merges `tags` into a resource's tags (same key → new value), enforcing ECS's limits. */
export function putTags(state: EcsState, arn: string, tags: Tag[] | undefined): void {
  if (!tags || tags.length === 0) return;
  const merged = new Map((state.tags.get(arn) ?? []).map((t) => [t.key, t]));
  for (const t of tags) {
    if (t.key === undefined) throw new InvalidParameterException("Tag key cannot be null.");
    if (t.key.toLowerCase().startsWith("aws:")) throw new InvalidParameterException("Tag keys prefixed with 'aws:' are reserved for AWS use.");
    merged.set(t.key, { key: t.key, value: t.value ?? "" });
  }
  if (merged.size > MAX_TAGS) throw new InvalidParameterException(`Maximum number of tags (${MAX_TAGS}) exceeded.`);
  state.tags.set(arn, [...merged.values()]);
}

export function removeTags(state: EcsState, arn: string, keys: string[]): void {
  const remaining = (state.tags.get(arn) ?? []).filter((t) => !keys.includes(t.key!));
  if (remaining.length) state.tags.set(arn, remaining);
  else state.tags.delete(arn);
}

export function tagsOf(state: EcsState, arn: string): Tag[] {
  return state.tags.get(arn) ?? [];
}

/** Checks tags before anything is stored, so a bad tag leaves the store untouched. */
export function checkTags(tags: Tag[] | undefined): void {
  if (!tags) return;
  const probe = { tags: new Map() } as unknown as EcsState;
  putTags(probe, "probe", tags);
}
