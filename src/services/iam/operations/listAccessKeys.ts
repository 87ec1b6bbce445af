import type { Handler } from "../context.js";
import { keyMetadata } from "../domain/accessKeys.js";
import { page } from "../domain/paging.js";
import { namedOrCaller } from "../domain/users.js";

/** The root user has no keys ecs-local issued. */
export const listAccessKeys: Handler<"ListAccessKeys"> = (input, ctx) => {
  const user = namedOrCaller(ctx, input.UserName);
  const { items, ...more } = page(user?.keys ?? [], input.Marker, input.MaxItems);
  return { AccessKeyMetadata: items.map((k) => keyMetadata(user!, k)), ...more };
};
