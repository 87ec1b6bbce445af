import type { Handler } from "../context.js";
import { findKey, keyHolder } from "../domain/accessKeys.js";

export const deleteAccessKey: Handler<"DeleteAccessKey"> = (input, ctx) => {
  const user = keyHolder(ctx, input.UserName, input.AccessKeyId);
  const key = findKey(user, input.AccessKeyId);
  user.keys.splice(user.keys.indexOf(key), 1);
  ctx.backend.keys.delete(key.id);
  return {};
};
