import type { Handler } from "../context.js";
import { keyOf } from "../domain/entities.js";
import { notFound } from "../domain/errors.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";
import { findRole } from "../domain/roles.js";

/** A role the profile does not hold is not found there (chosen text: the role's own not-found). */
export const removeRoleFromInstanceProfile: Handler<"RemoveRoleFromInstanceProfile"> = (input, ctx) => {
  const profile = findInstanceProfile(ctx.state, input.InstanceProfileName);
  const role = findRole(ctx.state, input.RoleName);
  const i = profile.roles.indexOf(keyOf(role.name));
  if (i < 0) throw notFound.role(input.RoleName);
  profile.roles.splice(i, 1);
  return {};
};
