import type { Handler } from "../context.js";
import { findRepository, repositoryView } from "../domain/repositories.js";

/** No image is ever stored here (the registry is not served), so no repository is refused as not empty. */
export const deleteRepository: Handler<"DeleteRepository"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  ctx.state.repositories.delete(repo.name);
  return { repository: repositoryView(ctx, repo) };
};
