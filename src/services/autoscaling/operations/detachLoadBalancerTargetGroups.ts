import type { Handler } from "../context.js";
import { detachSources } from "../domain/trafficSources.js";

/** The group's instances are deregistered from the target groups. */
export const detachLoadBalancerTargetGroups: Handler<"DetachLoadBalancerTargetGroups"> = (input, ctx) => {
  detachSources(ctx, input.AutoScalingGroupName, input.TargetGroupARNs.map((Identifier) => ({ Identifier, Type: "elbv2" })));
  return {};
};
