import type { Handler } from "../context.js";
import { ResourceNotFoundException, TooManyTagsException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { checkTagCount } from "../domain/tags.js";
import { targetByArn } from "../domain/targets.js";

/** A new key is added, an existing key's value replaced; only scalable targets take tags. */
export const tagResource: Handler<"TagResource"> = (input, ctx) => {
  const rec = targetByArn(ctx.state, input.ResourceARN);
  if (!rec) throw new ResourceNotFoundException(messages.arnNotFound(input.ResourceARN));
  const tags = { ...rec.tags, ...input.Tags };
  checkTagCount(tags, TooManyTagsException);
  rec.tags = tags;
  return {};
};
