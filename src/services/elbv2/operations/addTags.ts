import type { Handler } from "../context.js";
import { checkNewTags, checkTaggable, mergedTags } from "../domain/tags.js";

/** Every resource is checked, and every result counted against the quota, before any is tagged. */
export const addTags: Handler<"AddTags"> = (input, ctx) => {
  for (const arn of input.ResourceArns) checkTaggable(ctx.state, arn);
  checkNewTags(input.Tags);
  const merged = input.ResourceArns.map((arn) => [arn, mergedTags(ctx.state, arn, input.Tags)] as const);
  for (const [arn, tags] of merged) ctx.state.tags.set(arn, tags);
  return {};
};
