// Deleted stacks stay listed (ListStacks) and describable by id for a while, then are forgotten.
import { defineTimer } from "../../../engine/timers.js";
import type { StackRecord } from "../context.js";
import type { Env } from "../engine/env.js";

/** AWS keeps deleted stacks for 90 days (ListStacks' documentation); so does ecs-local. */
export const DELETED_STACK_RETENTION_MS = 90 * 24 * 3600 * 1000;

export function forgetLater(env: Pick<Env, "backend" | "state">, rec: StackRecord): void {
  rec.forgetTimer = env.backend.timeline.callAfter(DELETED_STACK_RETENTION_MS, FORGET, env.state, rec);
}

const FORGET = defineTimer("cloudformation.forgetStack", (state: Env["state"], rec: StackRecord) => {
  if (state.stacks.get(rec.stack.StackId!) === rec) state.stacks.delete(rec.stack.StackId!);
});
