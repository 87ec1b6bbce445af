import type { Handler } from "../context.js";
import { ObjectNotFoundException } from "../generated/errors.js";
import { messages } from "../domain/messages.js";
import { checkTarget } from "../domain/resources.js";
import { findTarget } from "../domain/targets.js";

export const deleteScheduledAction: Handler<"DeleteScheduledAction"> = (input, ctx) => {
  checkTarget(input);
  const rec = findTarget(ctx.state, input);
  const a = rec?.actions.get(input.ScheduledActionName);
  if (!rec || !a) throw new ObjectNotFoundException(messages.actionNotFound(input, input.ScheduledActionName));
  ctx.backend.timeline.cancel(ctx.backend.actionTimers.get(a));
  ctx.backend.actionTimers.delete(a);
  rec.actions.delete(input.ScheduledActionName);
  return {};
};
