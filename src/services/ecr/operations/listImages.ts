import type { Handler } from "../context.js";
import { imageIds, matchesTagStatus } from "../domain/images.js";
import { page } from "../domain/pages.js";
import { findRepository } from "../domain/repositories.js";

/** One id per tag (an untagged image by its digest), in push order, 100 a page unless maxResults says otherwise. */
export const listImages: Handler<"ListImages"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const ids = [...repo.images.values()].filter((i) => matchesTagStatus(i, input.filter?.tagStatus)).flatMap(imageIds);
  const { items, nextToken } = page(ids, input.nextToken, input.maxResults, 100);
  return { imageIds: items, ...(nextToken ? { nextToken } : {}) };
};
