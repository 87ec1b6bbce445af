import type { Handler } from "../context.js";
import { bySeq, underPath } from "../domain/entities.js";
import { page } from "../domain/paging.js";
import { roleView } from "../domain/roles.js";

/** In creation order; each role without its permissions boundary, last use and tags, as ListRoles answers. */
export const listRoles: Handler<"ListRoles"> = (input, ctx) => {
  const roles = underPath(bySeq(ctx.state.roles.values()), input.PathPrefix);
  const { items, ...more } = page(roles, input.Marker, input.MaxItems, (r) => r.seq);
  return { Roles: items.map((r) => roleView(r, "list")), ...more };
};
