import type { Handler } from "../context.js";
import { groupByArn, removeTags } from "../domain/tags.js";

export const untagResource: Handler<"UntagResource"> = (input, ctx) => {
  removeTags(groupByArn(ctx.state, input.resourceArn), input.tagKeys);
  return {};
};
