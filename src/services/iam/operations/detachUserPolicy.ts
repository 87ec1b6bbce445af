import type { Handler } from "../context.js";
import { detachPolicy } from "../domain/policyHolders.js";
import { findUser } from "../domain/users.js";

export const detachUserPolicy: Handler<"DetachUserPolicy"> = (input, ctx) => {
  detachPolicy(ctx.state, findUser(ctx.state, input.UserName), input.PolicyArn);
  return {};
};
