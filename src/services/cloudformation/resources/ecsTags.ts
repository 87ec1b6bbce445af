// ECS's tag operations for the providers of ECS resources: tags follow the template on update.
import type { ProviderContext } from "./provider.js";

type Tag = { Key: string; Value: string };

/** Brings `arn`'s tags from `before` to `after`: removed keys untagged, the rest (re)tagged. */
export function retagEcs(pc: ProviderContext, arn: string, before: Tag[], after: Tag[]): void {
  const keep = new Set(after.map((t) => t.Key));
  const gone = before.filter((t) => !keep.has(t.Key)).map((t) => t.Key);
  if (gone.length) pc.call("ecs", "UntagResource", { resourceArn: arn, tagKeys: gone });
  if (after.length) pc.call("ecs", "TagResource", { resourceArn: arn, tags: after.map((t) => ({ key: t.Key, value: String(t.Value) })) });
}
