import type { Handler } from "../context.js";
import { findUser } from "../domain/users.js";

/** ecs-local has no groups: every user is in none. */
export const listGroupsForUser: Handler<"ListGroupsForUser"> = (input, ctx) => {
  findUser(ctx.state, input.UserName);
  return { Groups: [], IsTruncated: false };
};
