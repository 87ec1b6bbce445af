// Tags of every EC2 resource, by resource id: CreateTags/DeleteTags, TagSpecifications at creation,
// and the tags a Describe shows.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import type { Tag, TagSpecification } from "../generated/types.js";

const MAX_TAGS = 50;

export function checkTags(tags: Tag[] | undefined): void {
  for (const t of tags ?? []) {
    if (t.Key === undefined || t.Key === "") throw new AwsError("InvalidParameterValue", "Tag key must not be empty");
    if (t.Key.toLowerCase().startsWith("aws:")) throw new AwsError("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
  }
}

/** Adds or overwrites tags; a resource may carry at most 50. */
export function putTags(state: Ec2State, id: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  const current = state.tags.get(id) ?? [];
  const next = [...current];
  for (const t of tags) {
    const i = next.findIndex((x) => x.Key === t.Key);
    const tag = { Key: t.Key, Value: t.Value ?? "" };
    if (i >= 0) next[i] = tag;
    else next.push(tag);
  }
  if (next.length > MAX_TAGS) throw new AwsError("TagLimitExceeded", `The maximum number of tags per resource, ${MAX_TAGS}, has been exceeded for resource ${id}`);
  state.tags.set(id, next);
}

/** Removes tags by key (and value, when one is given); no tags at all removes every tag. */
export function removeTags(state: Ec2State, id: string, tags: Tag[] | undefined): void {
  const current = state.tags.get(id);
  if (!current) return;
  const left = tags?.length ? current.filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value))) : [];
  if (left.length) state.tags.set(id, left);
  else state.tags.delete(id);
}

export function tagsOf(state: Ec2State, id: string): Tag[] | undefined {
  const t = state.tags.get(id);
  return t?.length ? t.map((x) => ({ ...x })) : undefined;
}

/** The tags a creation's TagSpecifications give a resource of this type; checked before anything is created. */
export function tagsFor(specs: TagSpecification[] | undefined, resourceType: string): Tag[] {
  const out: Tag[] = [];
  for (const s of specs ?? []) {
    checkTags(s.Tags);
    if (s.ResourceType === resourceType) out.push(...(s.Tags ?? []));
  }
  return out;
}

/** Checks the specifications name only types the operation creates. */
export function checkTagSpecifications(specs: TagSpecification[] | undefined, allowed: string[]): void {
  for (const s of specs ?? []) {
    checkTags(s.Tags);
    if (s.ResourceType === undefined) throw new AwsError("InvalidParameterValue", "The resource type must be specified in the tag specification.");
    if (!allowed.includes(s.ResourceType)) throw new AwsError("InvalidParameterValue", `'${s.ResourceType}' is not a valid taggable resource type for this operation.`);
  }
}

/** Drops an EC2 resource's tags with the resource. */
export function forgetTags(state: Ec2State, id: string): void {
  state.tags.delete(id);
}
