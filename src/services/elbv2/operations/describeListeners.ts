import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { getListener, getLoadBalancer, listenersOf } from "../domain/lookup.js";
import { page } from "../domain/paging.js";

export const describeListeners: Handler<"DescribeListeners"> = (input, ctx) => {
  const { state } = ctx;
  let listeners;
  if (input.ListenerArns?.length) {
    if (input.LoadBalancerArn !== undefined) throw commonErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
    listeners = input.ListenerArns.map((arn) => getListener(state, arn).listener);
  } else if (input.LoadBalancerArn !== undefined) {
    getLoadBalancer(state, input.LoadBalancerArn);
    listeners = listenersOf(state, input.LoadBalancerArn).map((l) => l.listener);
  } else throw commonErrors.validation("You must specify either listener ARNs or a load balancer ARN");
  const p = page(listeners, input.Marker, input.PageSize);
  return { Listeners: p.items.map((l) => structuredClone(l)), ...(p.next ? { NextMarker: p.next } : {}) };
};
