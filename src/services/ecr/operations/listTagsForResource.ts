import type { Handler } from "../context.js";
import { repositoryByArn } from "../domain/tags.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => ({ tags: repositoryByArn(ctx, input.resourceArn).tags });
