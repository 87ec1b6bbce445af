import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";

export const listInstanceProfileTags: Handler<"ListInstanceProfileTags"> = (input, ctx) => {
  const { items, ...more } = page(findInstanceProfile(ctx.state, input.InstanceProfileName).tags, input.Marker, input.MaxItems);
  return { Tags: items.map((t) => ({ ...t })), ...more };
};
