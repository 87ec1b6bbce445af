import type { Handler } from "../context.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";
import { withoutTags } from "../domain/tags.js";

export const untagInstanceProfile: Handler<"UntagInstanceProfile"> = (input, ctx) => {
  const profile = findInstanceProfile(ctx.state, input.InstanceProfileName);
  profile.tags = withoutTags(profile.tags, input.TagKeys);
  return {};
};
