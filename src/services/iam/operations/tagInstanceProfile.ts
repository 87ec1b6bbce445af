import type { Handler } from "../context.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";
import { mergedTags } from "../domain/tags.js";

export const tagInstanceProfile: Handler<"TagInstanceProfile"> = (input, ctx) => {
  const profile = findInstanceProfile(ctx.state, input.InstanceProfileName);
  profile.tags = mergedTags(profile.tags, input.Tags);
  return {};
};
