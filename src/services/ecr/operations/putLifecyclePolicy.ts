import type { Handler } from "../context.js";
import { checkLifecyclePolicy } from "../domain/lifecyclePolicy.js";
import { scheduleLifecycle } from "../domain/lifecycleTimer.js";
import { findRepository } from "../domain/repositories.js";

export const putLifecyclePolicy: Handler<"PutLifecyclePolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  checkLifecyclePolicy(input.lifecyclePolicyText);
  repo.lifecyclePolicy = input.lifecyclePolicyText;
  scheduleLifecycle(ctx.backend, ctx.state, repo);
  return { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: repo.lifecyclePolicy };
};
