import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { attachedPolicies } from "../domain/policyHolders.js";
import { findUser } from "../domain/users.js";

export const listAttachedUserPolicies: Handler<"ListAttachedUserPolicies"> = (input, ctx) => {
  const attached = attachedPolicies(ctx.state, findUser(ctx.state, input.UserName), input.PathPrefix);
  const { items, ...more } = page(attached, input.Marker, input.MaxItems);
  return { AttachedPolicies: items, ...more };
};
