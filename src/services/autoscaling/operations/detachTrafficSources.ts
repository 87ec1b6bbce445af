import type { Handler } from "../context.js";
import { detachSources } from "../domain/trafficSources.js";

export const detachTrafficSources: Handler<"DetachTrafficSources"> = (input, ctx) => {
  detachSources(ctx, input.AutoScalingGroupName, input.TrafficSources);
  return {};
};
