import type { Handler } from "../context.js";
import { repositoryByArn } from "../domain/tags.js";

export const untagResource: Handler<"UntagResource"> = (input, ctx) => {
  const repo = repositoryByArn(ctx, input.resourceArn);
  repo.tags = repo.tags.filter((t) => !input.tagKeys.includes(t.Key));
  return {};
};
