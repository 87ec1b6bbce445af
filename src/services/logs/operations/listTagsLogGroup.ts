import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";

export const listTagsLogGroup: Handler<"ListTagsLogGroup"> = (input, ctx) => ({ tags: { ...findGroup(ctx.state, input.logGroupName).tags } });
