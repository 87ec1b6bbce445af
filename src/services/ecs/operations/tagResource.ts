import type { Handler } from "../context.js";
import { ResourceNotFoundException } from "../generated/errors.js";
import { checkTaggable } from "../domain/taggable.js";
import { checkTags, putTags } from "../domain/tags.js";

export const tagResource: Handler<"TagResource"> = (input, { state }) => {
  checkTaggable(state, input.resourceArn, () => new ResourceNotFoundException("The specified resource wasn't found."));
  checkTags(input.tags);
  putTags(state, input.resourceArn, input.tags);
  return {};
};
