import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { cancelLifecycle } from "../domain/lifecycleTimer.js";
import { findRepository } from "../domain/repositories.js";

export const deleteLifecyclePolicy: Handler<"DeleteLifecyclePolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const text = repo.lifecyclePolicy;
  if (text === undefined) throw ecrErrors.noLifecyclePolicy(repo.name, ctx.state.accountId);
  delete repo.lifecyclePolicy;
  cancelLifecycle(ctx.backend, ctx.state, repo);
  return { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: text };
};
