import type { Handler } from "../context.js";
import { findRole } from "../domain/roles.js";
import { withoutTags } from "../domain/tags.js";

export const untagRole: Handler<"UntagRole"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  role.tags = withoutTags(role.tags, input.TagKeys);
  return {};
};
