import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findUser } from "../domain/users.js";

export const listUserPolicies: Handler<"ListUserPolicies"> = (input, ctx) => {
  const { items, ...more } = page([...findUser(ctx.state, input.UserName).inline.keys()], input.Marker, input.MaxItems);
  return { PolicyNames: items, ...more };
};
