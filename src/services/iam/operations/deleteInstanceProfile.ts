import type { Handler } from "../context.js";
import { DeleteConflictException } from "../generated/errors.js";
import { keyOf } from "../domain/entities.js";
import { findInstanceProfile } from "../domain/instanceProfiles.js";

export const deleteInstanceProfile: Handler<"DeleteInstanceProfile"> = (input, ctx) => {
  const profile = findInstanceProfile(ctx.state, input.InstanceProfileName);
  if (profile.roles.length) throw new DeleteConflictException("Cannot delete entity, must remove roles from instance profile first.");
  ctx.state.instanceProfiles.delete(keyOf(profile.name));
  return {};
};
