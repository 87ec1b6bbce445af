// Whether a tag may move to another image: the repository's imageTagMutability, where the
// `…_WITH_EXCLUSION` settings turn it around for tags matching an exclusion filter (`*` matches any
// run of characters: the filter type WILDCARD).
import type { RepositoryRecord } from "../store.js";

function wildcard(filter: string): RegExp {
  return new RegExp(`^${filter.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

export function tagImmutable(repo: Pick<RepositoryRecord, "imageTagMutability" | "imageTagMutabilityExclusionFilters">, tag: string): boolean {
  const excluded = (repo.imageTagMutabilityExclusionFilters ?? []).some((f) => wildcard(f.filter).test(tag));
  switch (repo.imageTagMutability) {
    case "IMMUTABLE":
      return true;
    case "IMMUTABLE_WITH_EXCLUSION":
      return !excluded;
    case "MUTABLE_WITH_EXCLUSION":
      return excluded;
    default:
      return false;
  }
}

/** ECR's words for a tag it will not move (`docker push` shows them after "tag invalid: "). */
export const immutableTagText = (repo: string, tag: string): string => `The image tag '${tag}' already exists in the '${repo}' repository and cannot be overwritten because the repository is immutable.`;
