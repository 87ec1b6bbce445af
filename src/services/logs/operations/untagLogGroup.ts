import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { removeTags } from "../domain/tags.js";

export const untagLogGroup: Handler<"UntagLogGroup"> = (input, ctx) => {
  removeTags(findGroup(ctx.state, input.logGroupName), input.tags);
  return {};
};
