import type { Handler } from "../context.js";
import { taggedParameter } from "../domain/tagged.js";

export const removeTagsFromResource: Handler<"RemoveTagsFromResource"> = (input, ctx) => {
  const record = taggedParameter(ctx.state, input.ResourceType, input.ResourceId);
  record.tags = record.tags.filter((t) => !input.TagKeys.includes(t.Key));
  return {};
};
