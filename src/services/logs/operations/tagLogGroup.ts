import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { addTags } from "../domain/tags.js";

export const tagLogGroup: Handler<"TagLogGroup"> = (input, ctx) => {
  addTags(findGroup(ctx.state, input.logGroupName), input.tags);
  return {};
};
