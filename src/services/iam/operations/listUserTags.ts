import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findUser } from "../domain/users.js";

export const listUserTags: Handler<"ListUserTags"> = (input, ctx) => {
  const { items, ...more } = page(findUser(ctx.state, input.UserName).tags, input.Marker, input.MaxItems);
  return { Tags: items.map((t) => ({ ...t })), ...more };
};
