import type { Handler } from "../context.js";
import { ecrErrors } from "../domain/errors.js";
import { findRepository, repositoryView } from "../domain/repositories.js";
import { InvalidParameterException } from "../generated/errors.js";

/** Named repositories (each must exist), or every one in creation order, a page of maxResults at a time. */
export const describeRepositories: Handler<"DescribeRepositories"> = (input, ctx) => {
  if (input.repositoryNames) {
    if (input.nextToken !== undefined || input.maxResults !== undefined) throw new InvalidParameterException("Invalid parameter at 'maxResults' failed to satisfy constraint: 'maxResults and nextToken cannot be used with repositoryNames'");
    return { repositories: input.repositoryNames.map((n) => repositoryView(ctx, findRepository(ctx, n, input.registryId))) };
  }
  if (input.registryId !== undefined && input.registryId !== ctx.state.accountId) throw ecrErrors.notFound("*", input.registryId);
  const all = [...ctx.state.repositories.values()];
  const start = input.nextToken === undefined ? 0 : Number(Buffer.from(input.nextToken, "base64").toString("utf8"));
  if (!Number.isInteger(start) || start < 0) throw new InvalidParameterException("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'");
  const max = input.maxResults ?? 1000;
  const page = all.slice(start, start + max);
  return {
    repositories: page.map((r) => repositoryView(ctx, r)),
    ...(start + max < all.length ? { nextToken: Buffer.from(String(start + max)).toString("base64") } : {}),
  };
};
