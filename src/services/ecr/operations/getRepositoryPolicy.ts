import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { findRepository } from "../domain/repositories.js";

export const getRepositoryPolicy: Handler<"GetRepositoryPolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  if (repo.policy === undefined) throw ecrErrors.noPolicy(repo.name, ctx.state.accountId);
  return { registryId: ctx.state.accountId, repositoryName: repo.name, policyText: repo.policy };
};
