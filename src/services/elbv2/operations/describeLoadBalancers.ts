import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { getLoadBalancer, notFound } from "../domain/lookup.js";
import { page } from "../domain/paging.js";

/** By ARN or by name (not both), or every load balancer of the region in creation order. */
export const describeLoadBalancers: Handler<"DescribeLoadBalancers"> = (input, ctx) => {
  const { state } = ctx;
  if (input.LoadBalancerArns?.length && input.Names?.length) throw commonErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
  let lbs = [...state.loadBalancers.values()].map((r) => r.lb);
  if (input.LoadBalancerArns?.length) lbs = input.LoadBalancerArns.map((arn) => getLoadBalancer(state, arn).lb);
  else if (input.Names?.length) {
    lbs = input.Names.map((n) => {
      const found = lbs.find((lb) => lb.LoadBalancerName === n);
      if (!found) throw notFound.loadBalancers();
      return found;
    });
  }
  const p = page(lbs, input.Marker, input.PageSize);
  return { LoadBalancers: p.items.map((lb) => structuredClone(lb)), ...(p.next ? { NextMarker: p.next } : {}) };
};
