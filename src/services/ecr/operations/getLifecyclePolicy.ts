import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { findRepository } from "../domain/repositories.js";

export const getLifecyclePolicy: Handler<"GetLifecyclePolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  if (repo.lifecyclePolicy === undefined) throw ecrErrors.noLifecyclePolicy(repo.name, ctx.state.accountId);
  return { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: repo.lifecyclePolicy };
};
