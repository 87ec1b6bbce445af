// Tags on namespaces and services, by ARN; at most 50 per resource.
import { ResourceNotFoundException, TooManyTagsException } from "../generated/errors.js";
import type { Tag } from "../generated/types.js";
import type { ServiceDiscoveryState } from "../store.js";

export function tagsOf(state: ServiceDiscoveryState, arn: string): Tag[] {
  const id = arn.split("/").pop() ?? "";
  const known = (arn.includes(":namespace/") && state.namespaces.get(id)?.namespace.Arn === arn) || (arn.includes(":service/") && state.services.get(id)?.service.Arn === arn);
  if (!known) throw new ResourceNotFoundException(`Resource not found: ${arn}`);
  return state.tags.get(arn) ?? [];
}

export function mergeTags(existing: Tag[], added: Tag[] | undefined, arn: string): Tag[] {
  const out = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of added ?? []) out.set(t.Key, t.Value);
  if (out.size > 50) throw new TooManyTagsException(`The resource ${arn} would have more than 50 tags.`);
  return [...out].map(([Key, Value]) => ({ Key, Value }));
}
