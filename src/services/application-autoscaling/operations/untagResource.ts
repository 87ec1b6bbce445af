import type { Handler } from "../context.js";
import { ResourceNotFoundException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { targetByArn } from "../domain/targets.js";

export const untagResource: Handler<"UntagResource"> = (input, ctx) => {
  const rec = targetByArn(ctx.state, input.ResourceARN);
  if (!rec) throw new ResourceNotFoundException(messages.arnNotFound(input.ResourceARN));
  for (const key of input.TagKeys) delete rec.tags[key];
  return {};
};
