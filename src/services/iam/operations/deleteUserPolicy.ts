import type { Handler } from "../context.js";
import { notFound } from "../domain/errors.js";
import { findUser } from "../domain/users.js";

export const deleteUserPolicy: Handler<"DeleteUserPolicy"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  if (!user.inline.delete(input.PolicyName)) throw notFound.userPolicy(input.PolicyName);
  return {};
};
