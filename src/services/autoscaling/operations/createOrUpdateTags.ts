import type { GroupRecord, Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { checkTagTargets, putTags } from "../domain/tags.js";

/** Tags of one or more groups; every group named must exist, or nothing changes. */
export const createOrUpdateTags: Handler<"CreateOrUpdateTags"> = (input, ctx) => {
  checkTagTargets(input.Tags);
  const groups = new Map<string, GroupRecord>();
  for (const t of input.Tags) {
    const group = ctx.state.groups.get(t.ResourceId!);
    if (!group) throw asgErrors.tagGroupNotFound(t.ResourceId!);
    if (t.Key.toLowerCase().startsWith("aws:")) throw asgErrors.validation(`Tag keys starting with 'aws:' are reserved for AWS use: ${t.Key}`);
    groups.set(group.name, group);
  }
  // Checked on copies first: one group over the limit leaves every group as it was.
  const next = [...groups.values()].map((g) => {
    const copy = { ...g, tags: [...g.tags] };
    putTags(copy, input.Tags.filter((t) => t.ResourceId === g.name));
    return { group: g, tags: copy.tags };
  });
  for (const n of next) n.group.tags = n.tags;
  return {};
};
