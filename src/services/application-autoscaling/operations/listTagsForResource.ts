import type { Handler } from "../context.js";
import { ResourceNotFoundException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { targetByArn } from "../domain/targets.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, ctx) => {
  const rec = targetByArn(ctx.state, input.ResourceARN);
  if (!rec) throw new ResourceNotFoundException(messages.arnNotFound(input.ResourceARN));
  return { Tags: { ...rec.tags } };
};
