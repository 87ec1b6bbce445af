import type { Handler } from "../context.js";
import { groupByArn } from "../domain/tags.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => ({ tags: { ...groupByArn(ctx.state, input.resourceArn).tags } });
