import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";

export const listAccountAliases: Handler<"ListAccountAliases"> = (input, ctx) => {
  const { items, ...more } = page(ctx.state.aliases, input.Marker, input.MaxItems);
  return { AccountAliases: [...items], ...more };
};
