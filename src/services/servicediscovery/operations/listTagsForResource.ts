import type { Handler } from "../context.js";
import { tagsOf } from "../domain/tags.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => ({ Tags: tagsOf(ctx.state, input.ResourceARN).map((t) => ({ ...t })) });
