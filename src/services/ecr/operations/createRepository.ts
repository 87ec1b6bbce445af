import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { checkRepositoryName, repositoryArn, repositoryUri, repositoryView } from "../domain/repositories.js";
import { mergeTags } from "../domain/tags.js";

/** A repository with ECR's defaults: mutable tags, no scan on push, AES256 encryption. */
export const createRepository: Handler<"CreateRepository"> = (input, ctx) => {
  const name = input.repositoryName;
  checkRepositoryName(name);
  if (input.registryId !== undefined && input.registryId !== ctx.state.accountId) throw ecrErrors.notFound(name, input.registryId);
  if (ctx.state.repositories.has(name)) throw ecrErrors.exists(name, ctx.state.accountId);
  const repo = {
    name,
    arn: repositoryArn(ctx, name),
    uri: repositoryUri(ctx, name),
    createdAt: ctx.now(),
    imageTagMutability: input.imageTagMutability ?? "MUTABLE",
    ...(input.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: input.imageTagMutabilityExclusionFilters } : {}),
    imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
    encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: "AES256" as const },
    tags: mergeTags([], input.tags ?? []),
  };
  ctx.state.repositories.set(name, repo);
  return { repository: repositoryView(ctx, repo) };
};
