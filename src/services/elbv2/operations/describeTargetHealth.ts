import type { Handler } from "../context.js";
import { getTargetGroup } from "../domain/lookup.js";
import { checkTargets } from "../domain/targetIds.js";
import { describeTarget } from "../domain/targets.js";

/** Named targets are answered even when not registered (`unused`, Target.NotRegistered), as the TargetDeregistered waiter expects. */
export const describeTargetHealth: Handler<"DescribeTargetHealth"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  if (input.Targets?.length) {
    checkTargets(rec.tg.TargetType, input.Targets, rec.tg.Port);
    return { TargetHealthDescriptions: input.Targets.map((t) => describeTarget(rec, t)) };
  }
  return { TargetHealthDescriptions: [...rec.targets.values()].map((t) => describeTarget(rec, t.target)) };
};
