import type { Handler } from "../context.js";
import { findRole } from "../domain/roles.js";
import { mergedTags } from "../domain/tags.js";

export const tagRole: Handler<"TagRole"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  role.tags = mergedTags(role.tags, input.Tags);
  return {};
};
