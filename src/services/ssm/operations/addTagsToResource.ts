import type { Handler } from "../context.js";
import { taggedParameter } from "../domain/tagged.js";
import { checkNewTags } from "../domain/tags.js";

export const addTagsToResource: Handler<"AddTagsToResource"> = (input, ctx) => {
  const record = taggedParameter(ctx.state, input.ResourceType, input.ResourceId);
  record.tags = checkNewTags(record.tags, input.Tags);
  return {};
};
