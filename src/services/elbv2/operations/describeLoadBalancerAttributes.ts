import type { Handler } from "../context.js";
import { attributeList } from "../domain/attributes.js";
import { getLoadBalancer } from "../domain/lookup.js";

export const describeLoadBalancerAttributes: Handler<"DescribeLoadBalancerAttributes"> = (input, ctx) => ({
  Attributes: attributeList(getLoadBalancer(ctx.state, input.LoadBalancerArn).attributes),
});
