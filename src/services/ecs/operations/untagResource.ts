import type { Handler } from "../context.js";
import { ResourceNotFoundException } from "../generated/errors.js";
import { checkTaggable } from "../domain/taggable.js";
import { removeTags } from "../domain/tags.js";

export const untagResource: Handler<"UntagResource"> = (input, { state }) => {
  checkTaggable(state, input.resourceArn, () => new ResourceNotFoundException("The specified resource wasn't found."));
  // Keys the resource does not carry are ignored, as ECS does.
  removeTags(state, input.resourceArn, input.tagKeys);
  return {};
};
