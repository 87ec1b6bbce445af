import type { Handler } from "../context.js";
import { imageDetail, matchesTagStatus, requireImage } from "../domain/images.js";
import { page } from "../domain/pages.js";
import { findRepository } from "../domain/repositories.js";
import { InvalidParameterException } from "../generated/errors.js";

/** Named images (each must exist), or every image in push order, 100 a page unless maxResults says otherwise (the model's documentation). */
export const describeImages: Handler<"DescribeImages"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  if (input.imageIds) {
    if (input.nextToken !== undefined || input.maxResults !== undefined) throw new InvalidParameterException("Invalid parameter at 'maxResults' failed to satisfy constraint: 'maxResults and nextToken cannot be used with imageIds'");
    const found = [...new Set(input.imageIds.map((id) => requireImage(ctx, repo, id)))];
    return { imageDetails: found.filter((i) => matchesTagStatus(i, input.filter?.tagStatus)).map((i) => imageDetail(ctx, repo, i)) };
  }
  const all = [...repo.images.values()].filter((i) => matchesTagStatus(i, input.filter?.tagStatus));
  const { items, nextToken } = page(all, input.nextToken, input.maxResults, 100);
  return { imageDetails: items.map((i) => imageDetail(ctx, repo, i)), ...(nextToken ? { nextToken } : {}) };
};
