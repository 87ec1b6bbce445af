// Lifecycle policy previews: which images a policy would expire now, worked out at the next turn of
// the clock (IN_PROGRESS until then, as StartLifecyclePolicyPreview answers in the CLI's example),
// and kept until the next preview. One at a time a repository.
import { defineTimer } from "../../../engine/timers.js";
import type { EcrContext } from "../context.js";
import { LifecyclePolicyPreviewInProgressException, LifecyclePolicyPreviewNotFoundException } from "../generated/errors.js";
import type { RepositoryRecord } from "../store.js";
import { expiring } from "./lifecycleRules.js";

const inRegistry = (ctx: EcrContext, repo: RepositoryRecord) => `the repository with name '${repo.name}' in the registry with id '${ctx.state.accountId}'`;

export function startPreview(ctx: EcrContext, repo: RepositoryRecord, policy: string): void {
  if (repo.preview?.status === "IN_PROGRESS") throw new LifecyclePolicyPreviewInProgressException(`Lifecycle policy preview is already in progress for ${inRegistry(ctx, repo)}`);
  const preview = { policy, status: "IN_PROGRESS" as const, results: [] };
  repo.preview = preview;
  const { timeline } = ctx.backend;
  timeline.call(timeline.now(), PREVIEWED, ctx.backend, repo, preview);
}

const PREVIEWED = defineTimer("ecr.previewComplete", (backend: EcrContext["backend"], repo: RepositoryRecord, preview: { policy: string }) => {
  if (repo.preview !== preview) return;
  const { policy } = preview;
  const results = expiring(policy, [...repo.images.values()], backend.timeline.now() / 1000).map((e) => ({ digest: e.image.digest, tags: [...e.image.tags], pushedAt: e.image.pushedAt, rulePriority: e.rulePriority }));
  repo.preview = { policy, status: "COMPLETE", results };
});

export function requirePreview(ctx: EcrContext, repo: RepositoryRecord) {
  if (!repo.preview) throw new LifecyclePolicyPreviewNotFoundException(`Lifecycle policy preview does not exist for ${inRegistry(ctx, repo)}`);
  return repo.preview;
}
