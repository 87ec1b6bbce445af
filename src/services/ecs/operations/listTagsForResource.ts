import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { checkTaggable } from "../domain/taggable.js";
import { tagsOf } from "../domain/tags.js";

export const listTagsForResource: Handler<"ListTagsForResource"> = (input, { state }) => {
  // The model lists no ResourceNotFoundException here; an unknown resource is a bad parameter.
  checkTaggable(state, input.resourceArn, () => new InvalidParameterException("The specified resource wasn't found."));
  return { tags: structuredClone(tagsOf(state, input.resourceArn)) };
};
