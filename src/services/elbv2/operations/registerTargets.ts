import type { Handler } from "../context.js";
import { getTargetGroup } from "../domain/lookup.js";
import { checkTargets } from "../domain/targetIds.js";
import { register } from "../domain/targets.js";

/** Checks every target before registering any; the group's port when a target names none. */
export const registerTargets: Handler<"RegisterTargets"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  checkTargets(rec.tg.TargetType, input.Targets, rec.tg.Port);
  register(ctx.backend, ctx.state, rec, input.Targets);
  return {};
};
