import type { Handler } from "../context.js";
import { ownPolicy } from "../domain/ownPolicies.js";
import { mergedTags } from "../domain/tags.js";

export const tagPolicy: Handler<"TagPolicy"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "TagPolicy");
  policy.tags = mergedTags(policy.tags, input.Tags);
  return {};
};
