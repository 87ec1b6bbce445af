import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findRole } from "../domain/roles.js";

export const listRolePolicies: Handler<"ListRolePolicies"> = (input, ctx) => {
  const { items, ...more } = page([...findRole(ctx.state, input.RoleName).inline.keys()], input.Marker, input.MaxItems);
  return { PolicyNames: items, ...more };
};
