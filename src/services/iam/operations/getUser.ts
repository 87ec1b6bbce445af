import type { Handler } from "../context.js";
import { namedOrCaller, rootView, userView } from "../domain/users.js";

/** Without a name: the user who signed, or the account's root user (as IAM shows it: no name, no path). */
export const getUser: Handler<"GetUser"> = (input, ctx) => {
  const user = namedOrCaller(ctx, input.UserName);
  return { User: user ? userView(user, "get") : rootView(ctx.state.accountId) };
};
