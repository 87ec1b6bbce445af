import type { Handler } from "../context.js";
import { attachSources } from "../domain/trafficSources.js";

/** ELBv2 target groups as traffic sources (the only kind served here). */
export const attachTrafficSources: Handler<"AttachTrafficSources"> = (input, ctx) => {
  attachSources(ctx, input.AutoScalingGroupName, input.TrafficSources);
  return {};
};
