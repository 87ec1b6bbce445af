import type { Handler } from "../context.js";
import { InvalidTargetException } from "../generated/errors.js";
import { getTargetGroup } from "../domain/lookup.js";
import { deregister, targetKey } from "../domain/targets.js";

/** Registered targets drain for the group's deregistration delay; one that is not registered is refused. */
export const deregisterTargets: Handler<"DeregisterTargets"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  const missing = input.Targets.filter((t) => !rec.targets.has(targetKey(t.Id, t.Port ?? rec.tg.Port)));
  if (missing.length) throw new InvalidTargetException(`The following targets are not registered in target group '${input.TargetGroupArn}': ${missing.map((t) => t.Id).join(", ")}`);
  deregister(ctx.backend, ctx.state, rec, input.Targets);
  return {};
};
