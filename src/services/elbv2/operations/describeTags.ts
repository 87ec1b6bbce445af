import type { Handler } from "../context.js";
import { checkTaggable } from "../domain/tags.js";

export const describeTags: Handler<"DescribeTags"> = (input, ctx) => {
  for (const arn of input.ResourceArns) checkTaggable(ctx.state, arn);
  return { TagDescriptions: input.ResourceArns.map((arn) => ({ ResourceArn: arn, Tags: structuredClone(ctx.state.tags.get(arn) ?? []) })) };
};
