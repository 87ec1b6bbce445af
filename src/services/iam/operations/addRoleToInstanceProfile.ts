import type { Handler } from "../context.js";
import { LimitExceededException } from "../generated/errors.js";
import { keyOf } from "../domain/entities.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";
import { findRole } from "../domain/roles.js";

/** One role an instance profile, and that quota cannot be raised. */
export const addRoleToInstanceProfile: Handler<"AddRoleToInstanceProfile"> = (input, ctx) => {
  const profile = findInstanceProfile(ctx.state, input.InstanceProfileName);
  const role = findRole(ctx.state, input.RoleName);
  if (profile.roles.length >= 1) throw new LimitExceededException("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
  profile.roles.push(keyOf(role.name));
  return {};
};
