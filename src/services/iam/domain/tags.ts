// Tags of roles, users, managed policies and instance profiles: keys are told apart without regard
// to case, a new value replaces the old one, 50 at most on a resource.
import { InvalidInputException, LimitExceededException } from "../generated/errors.js";
import type { Tag } from "../generated/types.js";

const MAX_TAGS = 50;

/** Checks tags given in one request (the model already caps them at 50). */
export function checkNewTags(tags: readonly Tag[] | undefined): void {
  const keys = new Set<string>();
  for (const t of tags ?? []) {
    const key = t.Key.toLowerCase();
    if (keys.has(key)) throw new InvalidInputException("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    keys.add(key);
  }
}

/** `current` with `added` put in (a key already there, in any case, takes the new tag); nothing is stored. */
export function mergedTags(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  checkNewTags(added);
  const out = current.map((t) => ({ ...t }));
  for (const t of added) {
    const i = out.findIndex((o) => o.Key.toLowerCase() === t.Key.toLowerCase());
    if (i >= 0) out[i] = { Key: t.Key, Value: t.Value };
    else out.push({ Key: t.Key, Value: t.Value });
  }
  if (out.length > MAX_TAGS) throw new LimitExceededException("The number of tags has reached the maximum limit.");
  return out;
}

export const withoutTags = (current: readonly Tag[], keys: readonly string[]): Tag[] => {
  const gone = new Set(keys.map((k) => k.toLowerCase()));
  return current.filter((t) => !gone.has(t.Key.toLowerCase()));
};

/** Tags as IAM answers them on a resource: present only when there are some. */
export const tagsMember = (tags: readonly Tag[]): { Tags?: Tag[] } => (tags.length ? { Tags: tags.map((t) => ({ ...t })) } : {});
