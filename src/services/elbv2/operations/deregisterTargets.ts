import type { Handler } from "../context.js";
import { getTargetGroup } from "../domain/lookup.js";
import { checkTargets } from "../domain/targetIds.js";
import { deregister } from "../domain/targets.js";

/**
 * Registered targets drain for the group's deregistration delay. A target that is not registered
 * (another port, say) is left alone and the call still succeeds, as AWS answers it.
 */
export const deregisterTargets: Handler<"DeregisterTargets"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  checkTargets(rec.tg.TargetType, input.Targets, rec.tg.Port);
  deregister(ctx.backend, ctx.state, rec, input.Targets);
  return {};
};
