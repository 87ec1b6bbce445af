import type { Handler } from "../context.js";
import { tagsOf } from "../domain/tags.js";

export const untagResource: Handler<"UntagResource"> = (input, ctx) => {
  const keep = tagsOf(ctx.state, input.ResourceARN).filter((t) => !input.TagKeys.includes(t.Key));
  ctx.state.tags.set(input.ResourceARN, keep);
  return {};
};
