import type { Handler } from "../context.js";
import { checkLifecyclePolicy } from "../domain/lifecyclePolicy.js";
import { findRepository } from "../domain/repositories.js";

export const putLifecyclePolicy: Handler<"PutLifecyclePolicy"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  checkLifecyclePolicy(input.lifecyclePolicyText);
  repo.lifecyclePolicy = input.lifecyclePolicyText;
  return { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: repo.lifecyclePolicy };
};
