import type { Handler } from "../context.js";
import { page } from "../domain/pages.js";
import { requirePreview } from "../domain/preview.js";
import { findRepository } from "../domain/repositories.js";
import type { LifecyclePolicyPreviewResult } from "../generated/types.js";

/** The last preview: IN_PROGRESS, or COMPLETE with each expiring image and its rule (filtered and paged, 100 at most a page). */
export const getLifecyclePolicyPreview: Handler<"GetLifecyclePolicyPreview"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const preview = requirePreview(ctx, repo);
  const head = { registryId: ctx.state.accountId, repositoryName: repo.name, lifecyclePolicyText: preview.policy, status: preview.status };
  if (preview.status !== "COMPLETE") return head;
  const status = input.filter?.tagStatus;
  const wanted = (r: (typeof preview.results)[number]) =>
    (status !== "TAGGED" || r.tags.length > 0) &&
    (status !== "UNTAGGED" || r.tags.length === 0) &&
    (!input.imageIds || input.imageIds.some((id) => (id.imageDigest === undefined || id.imageDigest === r.digest) && (id.imageTag === undefined || r.tags.includes(id.imageTag))));
  const results: LifecyclePolicyPreviewResult[] = preview.results.filter(wanted).map((r) => ({
    ...(r.tags.length ? { imageTags: r.tags } : {}),
    imageDigest: r.digest,
    imagePushedAt: r.pushedAt,
    action: { type: "EXPIRE" },
    appliedRulePriority: r.rulePriority,
  }));
  const { items, nextToken } = page(results, input.nextToken, input.maxResults, 100);
  return { ...head, previewResults: items, summary: { expiringImageTotalCount: preview.results.length }, ...(nextToken ? { nextToken } : {}) };
};
