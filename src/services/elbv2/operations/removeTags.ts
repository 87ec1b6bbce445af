import type { Handler } from "../context.js";
import { checkTaggable } from "../domain/tags.js";

export const removeTags: Handler<"RemoveTags"> = (input, ctx) => {
  for (const arn of input.ResourceArns) checkTaggable(ctx.state, arn);
  const keys = new Set(input.TagKeys);
  for (const arn of input.ResourceArns) {
    const left = (ctx.state.tags.get(arn) ?? []).filter((t) => !keys.has(t.Key));
    if (left.length) ctx.state.tags.set(arn, left);
    else ctx.state.tags.delete(arn);
  }
  return {};
};
