import type { Handler } from "../context.js";
import { mergeTags, tagsOf } from "../domain/tags.js";

export const tagResource: Handler<"TagResource"> = (input, ctx) => {
  const tags = mergeTags(tagsOf(ctx.state, input.ResourceARN), input.Tags, input.ResourceARN);
  ctx.state.tags.set(input.ResourceARN, tags);
  return {};
};
