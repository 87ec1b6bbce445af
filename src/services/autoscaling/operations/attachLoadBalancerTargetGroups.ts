import type { Handler } from "../context.js";
import { attachSources } from "../domain/trafficSources.js";

/** The group's instances in service are registered in the target groups at once, later ones as they come. */
export const attachLoadBalancerTargetGroups: Handler<"AttachLoadBalancerTargetGroups"> = (input, ctx) => {
  attachSources(ctx, input.AutoScalingGroupName, input.TargetGroupARNs.map((Identifier) => ({ Identifier, Type: "elbv2" })));
  return {};
};
