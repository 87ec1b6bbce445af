import type { Handler } from "../context.js";
import { taggedParameter } from "../domain/tagged.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => ({
  TagList: taggedParameter(ctx.state, input.ResourceType, input.ResourceId).tags.map((t) => ({ Key: t.Key, Value: t.Value })),
});
