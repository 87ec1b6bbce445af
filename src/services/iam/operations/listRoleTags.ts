import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findRole } from "../domain/roles.js";

export const listRoleTags: Handler<"ListRoleTags"> = (input, ctx) => {
  const { items, ...more } = page(findRole(ctx.state, input.RoleName).tags, input.Marker, input.MaxItems);
  return { Tags: items.map((t) => ({ ...t })), ...more };
};
