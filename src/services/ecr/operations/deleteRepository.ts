import type { Handler } from "../context.js";
import { cancelLifecycle } from "../domain/lifecycleTimer.js";
import { findRepository, repositoryView } from "../domain/repositories.js";
import { RepositoryNotEmptyException } from "../generated/errors.js";

/** A repository that holds images goes only with `force`, and its images with it (moto's words for the refusal). */
export const deleteRepository: Handler<"DeleteRepository"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  if (repo.images.size > 0 && !input.force) {
    throw new RepositoryNotEmptyException(`The repository with name '${repo.name}' in registry with id '${ctx.state.accountId}' cannot be deleted because it still contains images`);
  }
  cancelLifecycle(ctx.backend, ctx.state, repo);
  ctx.state.repositories.delete(repo.name);
  return { repository: repositoryView(ctx, repo) };
};
