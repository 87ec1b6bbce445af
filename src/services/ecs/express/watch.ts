// Express services follow their ECS service: after each batch of due work (once the service scheduler
// has counted its tasks and their targets' health), a rollout moves on when its new tasks all run,
// and a deletion finishes when the last task has left its target groups.
import type { EcsBackend } from "../context.js";
import { ownContext } from "../capacity/autoScaling.js";
import { stepRollout } from "./rollout.js";
import { finishDelete } from "./teardown.js";

export function connectExpress(backend: EcsBackend): void {
  backend.timeline.onAfterRun(() => followExpress(backend));
}

/** One look at every Express service, after a batch of due work (lazyWatch.ts calls it once loaded). */
export function followExpress(backend: EcsBackend): void {
  for (const state of backend.states.all()) {
    if (state.express.size === 0) continue;
    for (const x of state.express.values()) {
      if (x.deleting && x.rule.status !== "DELETED") finishDelete(ownContext(backend, state), x);
      else if (x.rollout?.phase === "starting") stepRollout(ownContext(backend, state), x);
    }
  }
}
