import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { checkTagTargets, removeTags } from "../domain/tags.js";

/** Removes tags by key (and value, when one is given); instances keep the tags they were launched with. */
export const deleteTags: Handler<"DeleteTags"> = (input, ctx) => {
  checkTagTargets(input.Tags);
  for (const t of input.Tags) if (!ctx.state.groups.has(t.ResourceId!)) throw asgErrors.tagGroupNotFound(t.ResourceId!);
  for (const t of input.Tags) removeTags(ctx.state.groups.get(t.ResourceId!)!, [t]);
  return {};
};
