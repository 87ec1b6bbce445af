import type { Handler } from "../context.js";
import { findUser } from "../domain/users.js";
import { mergedTags } from "../domain/tags.js";

export const tagUser: Handler<"TagUser"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  user.tags = mergedTags(user.tags, input.Tags);
  return {};
};
