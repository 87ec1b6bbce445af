import type { Handler } from "../context.js";
import { DeleteConflictException } from "../generated/errors.js";
import { keyOf } from "../domain/entities.js";
import { holderConflict, setBoundary } from "../domain/policyHolders.js";
import { findUser } from "../domain/users.js";

/** Refused while the user has access keys or policies (AWS's order of the checks is not known). */
export const deleteUser: Handler<"DeleteUser"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  if (user.keys.length) throw new DeleteConflictException("Cannot delete entity, must delete access keys first.");
  const conflict = holderConflict(user);
  if (conflict) throw new DeleteConflictException(conflict);
  setBoundary(ctx.state, user, undefined);
  ctx.state.users.delete(keyOf(user.name));
  return {};
};
