import type { Handler } from "../context.js";
import { DeleteConflictException } from "../generated/errors.js";
import { keyOf } from "../domain/entities.js";
import { profilesOfRole } from "../domain/instanceProfiles.js";
import { holderConflict, setBoundary } from "../domain/policyHolders.js";
import { modifiableRole } from "../domain/roles.js";

/** Refused while the role is in an instance profile or holds policies, as IAM refuses it (AWS's order of the checks is not known). */
export const deleteRole: Handler<"DeleteRole"> = (input, ctx) => {
  const { state } = ctx;
  const role = modifiableRole(state, input.RoleName);
  const key = keyOf(role.name);
  if (profilesOfRole(state, key).length) throw new DeleteConflictException("Cannot delete entity, must remove roles from instance profile first.");
  const conflict = holderConflict(role);
  if (conflict) throw new DeleteConflictException(conflict);
  setBoundary(state, role, undefined);
  state.roles.delete(key);
  return {};
};
