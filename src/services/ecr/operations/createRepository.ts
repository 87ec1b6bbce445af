import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { ecrErrors } from "../domain/errors.js";
import { checkRepositoryName, repositoryArn, repositoryView } from "../domain/repositories.js";
import { mergeTags } from "../domain/tags.js";

/** A repository with ECR's defaults: mutable tags, no scan on push, AES256 encryption. */
export const createRepository: Handler<"CreateRepository"> = (input, ctx) => {
  const name = input.repositoryName;
  checkRepositoryName(name);
  // A repository is made in the caller's own registry (the text is chosen: the model lists no not-found error here).
  if (input.registryId !== undefined && input.registryId !== ctx.state.accountId) {
    throw new InvalidParameterException(`Invalid parameter at 'registryId' failed to satisfy constraint: 'must be the id of the caller's registry, ${ctx.state.accountId}'`);
  }
  if (ctx.state.repositories.has(name)) throw ecrErrors.exists(name, ctx.state.accountId);
  const repo = {
    name,
    arn: repositoryArn(ctx, name),
    createdAt: ctx.now(),
    imageTagMutability: input.imageTagMutability ?? "MUTABLE",
    ...(input.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: input.imageTagMutabilityExclusionFilters } : {}),
    imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
    encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: "AES256" as const },
    tags: mergeTags([], input.tags ?? []),
    images: new Map(),
  };
  ctx.state.repositories.set(name, repo);
  return { repository: repositoryView(ctx, repo) };
};
