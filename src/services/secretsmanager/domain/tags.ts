// Tags on a secret: appended in the order given, a key given again takes the new value.
import type { Tag } from "../generated/types.js";
import { invalidParameter } from "./messages.js";

const MAX_TAGS = 50;

export function mergeTags(existing: Tag[] | undefined, added: Tag[]): Tag[] {
  const out = (existing ?? []).map((t) => ({ ...t }));
  for (const t of added) {
    if (t.Key === undefined) throw invalidParameter("A tag key must be specified.");
    if (t.Key.toLowerCase().startsWith("aws:")) throw invalidParameter("Tag keys beginning with 'aws:' are reserved for AWS use.");
    const same = out.find((o) => o.Key === t.Key);
    if (same) same.Value = t.Value ?? "";
    else out.push({ Key: t.Key, Value: t.Value ?? "" });
  }
  if (out.length > MAX_TAGS) throw invalidParameter(`A secret can have at most ${MAX_TAGS} tags.`);
  return out;
}

export function removeTags(existing: Tag[] | undefined, keys: string[]): Tag[] {
  const gone = new Set(keys);
  return (existing ?? []).filter((t) => !gone.has(t.Key!));
}
