import type { Handler } from "../context.js";
import { ownPolicy } from "../domain/ownPolicies.js";
import { withoutTags } from "../domain/tags.js";

export const untagPolicy: Handler<"UntagPolicy"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "UntagPolicy");
  policy.tags = withoutTags(policy.tags, input.TagKeys);
  return {};
};
