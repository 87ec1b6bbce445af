import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { findRepository } from "../domain/repositories.js";

export const deleteRepositoryPolicy: Handler<"DeleteRepositoryPolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const text = repo.policy;
  if (text === undefined) throw ecrErrors.noPolicy(repo.name, ctx.state.accountId);
  delete repo.policy;
  return { registryId: ctx.state.accountId, repositoryName: repo.name, policyText: text };
};
