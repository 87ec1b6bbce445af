import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { checkLifecyclePolicy } from "../domain/lifecyclePolicy.js";
import { startPreview } from "../domain/preview.js";
import { findRepository } from "../domain/repositories.js";

/** A preview of the policy given, else of the repository's own. */
export const startLifecyclePolicyPreview: Handler<"StartLifecyclePolicyPreview"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const policy = input.lifecyclePolicyText ?? repo.lifecyclePolicy;
  if (policy === undefined) throw ecrErrors.noLifecyclePolicy(repo.name, ctx.state.accountId);
  checkLifecyclePolicy(policy);
  startPreview(ctx, repo, policy);
  return { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: policy, status: "IN_PROGRESS" };
};
