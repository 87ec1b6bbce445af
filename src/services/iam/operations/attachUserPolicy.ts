import type { Handler } from "../context.js";
import { attachPolicy } from "../domain/policyHolders.js";
import { findUser } from "../domain/users.js";

export const attachUserPolicy: Handler<"AttachUserPolicy"> = (input, ctx) => {
  attachPolicy(ctx.state, findUser(ctx.state, input.UserName), "user", input.PolicyArn);
  return {};
};
