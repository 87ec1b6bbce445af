import type { Handler } from "../context.js";
import { checkResourceExists } from "../domain/resources.js";
import { checkTags, putTags } from "../domain/tags.js";

export const createTags: Handler<"CreateTags"> = (input, ctx) => {
  const { state } = ctx;
  checkTags(input.Tags);
  for (const id of input.Resources) checkResourceExists(state, id);
  // Check every resource's limit before tagging any, so a refusal changes nothing.
  const before = new Map(input.Resources.map((id) => [id, state.tags.get(id)]));
  try {
    for (const id of input.Resources) putTags(state, id, input.Tags);
  } catch (e) {
    for (const [id, tags] of before) {
      if (tags) state.tags.set(id, tags);
      else state.tags.delete(id);
    }
    throw e;
  }
  return {};
};
