import type { Handler } from "../context.js";
import { addTags as add, checkNewTags, checkTaggable } from "../domain/tags.js";

/** Every resource is checked before any is tagged. */
export const addTags: Handler<"AddTags"> = (input, ctx) => {
  for (const arn of input.ResourceArns) checkTaggable(ctx.state, arn);
  checkNewTags(input.Tags);
  for (const arn of input.ResourceArns) add(ctx.state, arn, input.Tags);
  return {};
};
