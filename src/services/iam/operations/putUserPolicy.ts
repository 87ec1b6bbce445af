import type { Handler } from "../context.js";
import { putInlinePolicy } from "../domain/policyHolders.js";
import { findUser } from "../domain/users.js";

export const putUserPolicy: Handler<"PutUserPolicy"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  putInlinePolicy(user, "user", user.name, input.PolicyName, input.PolicyDocument);
  return {};
};
