import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { attachedPolicies } from "../domain/policyHolders.js";
import { findRole } from "../domain/roles.js";

export const listAttachedRolePolicies: Handler<"ListAttachedRolePolicies"> = (input, ctx) => {
  const attached = attachedPolicies(ctx.state, findRole(ctx.state, input.RoleName), input.PathPrefix);
  const { items, ...more } = page(attached, input.Marker, input.MaxItems);
  return { AttachedPolicies: items, ...more };
};
