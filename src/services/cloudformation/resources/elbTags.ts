// ELBv2's tags for the providers of its resources: AddTags/RemoveTags follow the template on update.
import { withStackTags, type ProviderContext } from "./provider.js";

type Tag = { Key: string; Value: string };

export function retagElb(pc: ProviderContext, arn: string, before: Tag[] | undefined, after: Tag[] | undefined): void {
  const b = withStackTags(before, pc, "previous");
  const a = withStackTags(after, pc);
  const gone = b.filter((t) => !a.some((x) => x.Key === t.Key)).map((t) => t.Key);
  if (gone.length) pc.call("elbv2", "RemoveTags", { ResourceArns: [arn], TagKeys: gone });
  if (a.length && JSON.stringify(a) !== JSON.stringify(b)) pc.call("elbv2", "AddTags", { ResourceArns: [arn], Tags: a });
}

/** Key/Value attributes as the Modify…Attributes operations take them. */
export const attributeList = (attrs: { Key: string; Value: unknown }[] | undefined) => (attrs ?? []).map((a) => ({ Key: a.Key, Value: String(a.Value) }));
