// A repository's lifecycle policy applied by the clock: at the next turn after the policy is put or
// an image pushed when it expires something, and again when an age rule's deadline passes. (ECR
// says images expire within 24 hours of becoming eligible; here it is the next turn: chosen, so that
// tests and scripts see the outcome without waiting.)
import { defineTimer } from "../../../engine/timers.js";
import type { EcrBackend, EcrState } from "../context.js";
import type { RepositoryRecord } from "../store.js";
import { removeImage } from "./images.js";
import { expiring, nextAgeDeadline } from "./lifecycleRules.js";

const keyOf = (state: EcrState, repo: RepositoryRecord): string => `${state.accountId}/${state.region}/${repo.name}`;

export function scheduleLifecycle(backend: EcrBackend, state: EcrState, repo: RepositoryRecord): void {
  const key = keyOf(state, repo);
  const { timeline } = backend;
  timeline.cancel(backend.lifecycleTimers.get(key));
  backend.lifecycleTimers.delete(key);
  const policy = repo.lifecyclePolicy;
  if (policy === undefined) return;
  const now = timeline.now() / 1000;
  const images = [...repo.images.values()];
  let at: number | undefined;
  if (expiring(policy, images, now).length) at = timeline.now();
  else {
    const deadline = nextAgeDeadline(policy, images, now);
    if (deadline !== undefined) at = Math.floor(deadline * 1000) + 1;
  }
  if (at === undefined) return;
  backend.lifecycleTimers.set(key, timeline.call(at, APPLY, backend, state, repo, key));
}

const APPLY = defineTimer("ecr.applyLifecyclePolicy", (backend: EcrBackend, state: EcrState, repo: RepositoryRecord, key: string) => {
  backend.lifecycleTimers.delete(key);
  if (state.repositories.get(repo.name) !== repo || repo.lifecyclePolicy === undefined) return;
  for (const { image } of expiring(repo.lifecyclePolicy, [...repo.images.values()], backend.timeline.now() / 1000)) removeImage(repo, image);
  scheduleLifecycle(backend, state, repo);
});

/** Forgets the pending application of a repository's policy (the repository or its policy is gone). */
export function cancelLifecycle(backend: EcrBackend, state: EcrState, repo: RepositoryRecord): void {
  const key = keyOf(state, repo);
  backend.timeline.cancel(backend.lifecycleTimers.get(key));
  backend.lifecycleTimers.delete(key);
}
