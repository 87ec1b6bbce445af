import type { Handler } from "../context.js";
import { mergeTags, repositoryByArn } from "../domain/tags.js";

export const tagResource: Handler<"TagResource"> = (input, ctx) => {
  const repo = repositoryByArn(ctx, input.resourceArn);
  repo.tags = mergeTags(repo.tags, input.tags);
  return {};
};
