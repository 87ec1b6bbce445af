// aws:ec2:image parameters: SSM answers the write at once with the version it will have, checks the
// AMI afterwards and only then creates the version, or drops it when EC2 does not know the image
// (user guide, "How AMI format validation works"; troubleshooting "New aws:ec2:image parameter isn't
// available"). Until then reads don't see it, and another write of the parameter is refused.
import type { SsmBackend, SsmContext } from "../context.js";
import type { SsmState } from "../store.js";
import { appendVersion, type PutPlan } from "./put.js";
import { defineTimer } from "../../../engine/timers.js";

/** Chosen: how long the check takes (AWS: "up to a few minutes", usually seconds). */
export const IMAGE_VALIDATION_MS = 2_000;

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function scheduleImageWrite(ctx: SsmContext, plan: PutPlan): void {
  const { state, backend } = ctx;
  const timer = backend.timeline.callAfter(IMAGE_VALIDATION_MS, FINISH, backend, state, plan);
  state.pending.set(plan.key, { name: plan.name, version: plan.version, tags: plan.tags, timer });
}

function finishImageWrite(backend: SsmBackend, state: SsmState, plan: PutPlan): void {
  if (state.pending.get(plan.key)?.version !== plan.version) return;
  state.pending.delete(plan.key);
  const imageId = plan.version.value;
  if (!AMI_ID.test(imageId) || !backend.peers.ec2.image(state.accountId, state.region, imageId)) return;
  const latest = state.parameters.get(plan.key)?.versions.at(-1);
  if (latest && latest.version >= plan.version.version) return;
  appendVersion(state, plan);
}

const FINISH = defineTimer("ssm.finishImageWrite", finishImageWrite);

/** A deleted parameter's write in progress is dropped with it. */
export function cancelImageWrite(backend: SsmBackend, state: SsmState, key: string): void {
  const pending = state.pending.get(key);
  if (!pending) return;
  backend.timeline.cancel(pending.timer);
  state.pending.delete(key);
}
