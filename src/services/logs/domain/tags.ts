// Tags on log groups, by ARN (TagResource and kin) or by name (the older TagLogGroup and kin).
import { InvalidParameterException, ResourceNotFoundException, TooManyTagsException } from "../generated/errors.js";
import type { GroupRecord, LogsState } from "../store.js";
import { GROUP_NOT_FOUND, groupNameFromArn } from "./groups.js";

const MAX_TAGS = 50;

export function checkTags(tags: Record<string, string>): void {
  if (Object.keys(tags).some((k) => k.toLowerCase().startsWith("aws:"))) throw new InvalidParameterException("Tag keys prefixed with 'aws:' are reserved for AWS use.");
}

export function addTags(g: GroupRecord, tags: Record<string, string>): void {
  checkTags(tags);
  const next = { ...g.tags, ...tags };
  if (Object.keys(next).length > MAX_TAGS) throw new TooManyTagsException("A resource can have no more than 50 tags.");
  g.tags = next;
}

export function removeTags(g: GroupRecord, keys: string[]): void {
  for (const k of keys) delete g.tags[k];
}

/** The log group a tagging ARN names; ARNs of other resource types name nothing here. */
export function groupByArn(state: LogsState, arn: string): GroupRecord {
  const name = groupNameFromArn(state, arn);
  const g = name === undefined ? undefined : state.groups.get(name);
  if (!g) throw new ResourceNotFoundException(GROUP_NOT_FOUND);
  return g;
}
