import type { Handler } from "../context.js";
import { ResourceInUseException } from "../generated/errors.js";
import { loadBalancersOf } from "../domain/targets.js";

/** Refused while a listener or rule forwards to it; deleting a group that does not exist succeeds, as in AWS. */
export const deleteTargetGroup: Handler<"DeleteTargetGroup"> = (input, ctx) => {
  const { state } = ctx;
  const rec = state.targetGroups.get(input.TargetGroupArn);
  if (!rec) return {};
  if (loadBalancersOf(state, input.TargetGroupArn).length) throw new ResourceInUseException(`Target group '${input.TargetGroupArn}' is currently in use by a listener or a rule`);
  for (const t of rec.targets.values()) ctx.backend.timeline.cancel(t.timer);
  state.targetGroups.delete(input.TargetGroupArn);
  state.tags.delete(input.TargetGroupArn);
  return {};
};
