import type { Handler } from "../context.js";
import { findRepository } from "../domain/repositories.js";

export const putImageTagMutability: Handler<"PutImageTagMutability"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  repo.imageTagMutability = input.imageTagMutability;
  if (input.imageTagMutabilityExclusionFilters) repo.imageTagMutabilityExclusionFilters = input.imageTagMutabilityExclusionFilters;
  else delete repo.imageTagMutabilityExclusionFilters;
  return {
    registryId: ctx.state.accountId,
    repositoryName: repo.name,
    imageTagMutability: repo.imageTagMutability,
    ...(repo.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: repo.imageTagMutabilityExclusionFilters } : {}),
  };
};
