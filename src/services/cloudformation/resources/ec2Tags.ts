// EC2's tags for the providers of EC2 resources: at create through TagSpecifications, on update
// through CreateTags/DeleteTags.
import { withStackTags, type ProviderContext } from "./provider.js";

type Tag = { Key: string; Value: string };

export function tagSpecifications(resourceType: string, own: Tag[] | undefined, pc: ProviderContext) {
  const tags = withStackTags(own, pc);
  return tags.length ? { TagSpecifications: [{ ResourceType: resourceType, Tags: tags }] } : {};
}

export function retagEc2(pc: ProviderContext, id: string, before: Tag[] | undefined, after: Tag[] | undefined): void {
  const b = withStackTags(before, pc, "previous");
  const a = withStackTags(after, pc);
  const keep = new Set(a.map((t) => t.Key));
  const gone = b.filter((t) => !keep.has(t.Key)).map((t) => ({ Key: t.Key }));
  if (gone.length) pc.call("ec2", "DeleteTags", { Resources: [id], Tags: gone });
  if (a.length && JSON.stringify(a) !== JSON.stringify(b)) pc.call("ec2", "CreateTags", { Resources: [id], Tags: a });
}
