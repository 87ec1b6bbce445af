// Express services' watcher (watch.ts, with the rollout and teardown code it reaches: about 21 KB),
// loaded with the Express operations rather than compiled by every start (README, "Start-up"): no
// Express service exists before one of them has run, so until then there is nothing to follow. The
// hook itself is registered when the backend is made, in the same place among the timeline's hooks.
import type { EcsBackend } from "../context.js";
import { lazyCode } from "../../lazy.js";

const watch = lazyCode(() => import("./watch.js").then((m) => m.followExpress));

export function connectExpress(backend: EcsBackend): void {
  backend.timeline.onAfterRun(() => watch.get()?.(backend));
}

/** Loads the watcher; undefined once loaded (await only then, so that timers never wait). */
export const loadExpressWatch = (): Promise<void> | undefined => watch.load();
