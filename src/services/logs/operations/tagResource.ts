import type { Handler } from "../context.js";
import { addTags, groupByArn } from "../domain/tags.js";

export const tagResource: Handler<"TagResource"> = (input, ctx) => {
  addTags(groupByArn(ctx.state, input.resourceArn), input.tags);
  return {};
};
