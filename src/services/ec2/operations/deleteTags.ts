import type { Handler } from "../context.js";
import { checkResourceExists } from "../domain/resources.js";
import { removeTags } from "../domain/tags.js";

export const deleteTags: Handler<"DeleteTags"> = (input, ctx) => {
  const { state } = ctx;
  for (const id of input.Resources) checkResourceExists(state, id);
  for (const id of input.Resources) removeTags(state, id, input.Tags);
  return {};
};
