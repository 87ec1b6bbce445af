import type { Handler } from "../context.js";
import { EntityAlreadyExistsException } from "../generated/errors.js";
import { userArn } from "../domain/arns.js";
import { keyOf } from "../domain/entities.js";
import { findUser } from "../domain/users.js";

/** A new name or path makes a new ARN; the user's keys stay its own. */
export const updateUser: Handler<"UpdateUser"> = (input, ctx) => {
  const { state, backend } = ctx;
  const user = findUser(state, input.UserName);
  const oldKey = keyOf(user.name);
  const name = input.NewUserName ?? user.name;
  const newKey = keyOf(name);
  if (newKey !== oldKey && state.users.has(newKey)) throw new EntityAlreadyExistsException(`User with name ${name} already exists.`);
  user.name = name;
  user.path = input.NewPath ?? user.path;
  user.arn = userArn(state.accountId, user.path, user.name);
  state.users.delete(oldKey);
  state.users.set(newKey, user);
  for (const k of user.keys) backend.keys.set(k.id, { accountId: state.accountId, user: newKey });
  return {};
};
