import type { Handler } from "../context.js";
import { bySeq, underPath } from "../domain/entities.js";
import { page } from "../domain/paging.js";
import { userView } from "../domain/users.js";

/** In creation order; without permissions boundaries and tags, as ListUsers answers. */
export const listUsers: Handler<"ListUsers"> = (input, ctx) => {
  const users = underPath(bySeq(ctx.state.users.values()), input.PathPrefix);
  const { items, ...more } = page(users, input.Marker, input.MaxItems, (u) => u.seq);
  return { Users: items.map((u) => userView(u, "list")), ...more };
};
