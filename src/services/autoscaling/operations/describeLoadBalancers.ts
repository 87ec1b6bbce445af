import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";

/** Classic Load Balancers are not served here, so no group has any. */
export const describeLoadBalancers: Handler<"DescribeLoadBalancers"> = (input, ctx) => {
  findGroup(ctx.state, input.AutoScalingGroupName);
  return { LoadBalancers: [] };
};
