import type { Handler } from "../context.js";
import { checkRepositoryPolicy } from "../domain/policy.js";
import { findRepository } from "../domain/repositories.js";

export const setRepositoryPolicy: Handler<"SetRepositoryPolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  checkRepositoryPolicy(input.policyText);
  repo.policy = input.policyText;
  return { registryId: ctx.state.accountId, repositoryName: repo.name, policyText: repo.policy };
};
