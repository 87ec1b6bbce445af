import type { Handler } from "../context.js";
import { ObjectNotFoundException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { checkTarget, targetKey } from "../domain/resources.js";
import { findTarget, stopTimers } from "../domain/targets.js";

/** Deregistering deletes the target's scaling policies and scheduled actions with it. */
export const deregisterScalableTarget: Handler<"DeregisterScalableTarget"> = (input, ctx) => {
  checkTarget(input);
  const rec = findTarget(ctx.state, input);
  if (!rec) throw new ObjectNotFoundException(messages.targetNotFound(input));
  stopTimers(ctx.backend, rec);
  ctx.state.targets.delete(targetKey(input));
  return {};
};
