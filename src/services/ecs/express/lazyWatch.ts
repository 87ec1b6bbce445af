// Express services' watcher (watch.ts, with the rollout and teardown code it reaches: about 21 KB),
// loaded with the Express operations rather than compiled by every start (README, "Start-up"): no
// Express service exists before one of them has run, so until then there is nothing to follow. The
// hook itself is registered when the backend is made, in the same place among the timeline's hooks.
import type { EcsBackend } from "../context.js";

let follow: ((backend: EcsBackend) => void) | undefined;
let loading: Promise<void> | undefined;

export function connectExpress(backend: EcsBackend): void {
  backend.timeline.onAfterRun(() => follow?.(backend));
}

/** Loads the watcher; undefined once loaded (await only then, so that timers never wait). */
export function loadExpressWatch(): Promise<void> | undefined {
  if (follow) return undefined;
  return (loading ??= import("./watch.js").then(
    (m) => void (follow = m.followExpress),
    (e: unknown) => {
      // A failed load (a file missing from a broken install) is tried again by the next operation.
      loading = undefined;
      throw e;
    },
  ));
}
