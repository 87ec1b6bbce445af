import type { Handler } from "../context.js";
import { findUser } from "../domain/users.js";
import { withoutTags } from "../domain/tags.js";

export const untagUser: Handler<"UntagUser"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  user.tags = withoutTags(user.tags, input.TagKeys);
  return {};
};
