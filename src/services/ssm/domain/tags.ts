// Tags of a parameter: at most 50, a key given again replaces its value.
import type { Tag } from "../generated/types.js";
import { TooManyTagsError } from "../generated/errors.js";

const MAX_TAGS = 50;

/** The tags after adding `added` to `current`, in the order keys were first added. */
export function mergeTags(current: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(current.map((t) => [t.Key, t.Value]));
  for (const t of added) byKey.set(t.Key, t.Value);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

export function checkNewTags(current: Tag[], added: Tag[]): Tag[] {
  const merged = mergeTags(current, added);
  if (merged.length > MAX_TAGS) throw new TooManyTagsError(`The resource can have at most ${MAX_TAGS} tags.`);
  return merged;
}
