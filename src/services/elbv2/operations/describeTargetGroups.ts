import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { getLoadBalancer, getTargetGroup, notFound } from "../domain/lookup.js";
import { page } from "../domain/paging.js";
import { showTargetGroup } from "../domain/targetGroups.js";
import { loadBalancersOf } from "../domain/targets.js";

/** By ARN, by name or by load balancer (one of them), or every group of the region. */
export const describeTargetGroups: Handler<"DescribeTargetGroups"> = (input, ctx) => {
  const { state } = ctx;
  const ways = [input.LoadBalancerArn !== undefined, !!input.TargetGroupArns?.length, !!input.Names?.length].filter(Boolean).length;
  if (ways > 1) throw commonErrors.validation("Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time");
  let groups = [...state.targetGroups.values()];
  if (input.TargetGroupArns?.length) groups = input.TargetGroupArns.map((arn) => getTargetGroup(state, arn));
  else if (input.Names?.length) {
    groups = input.Names.map((n) => {
      const g = groups.find((r) => r.tg.TargetGroupName === n);
      if (!g) throw notFound.targetGroups();
      return g;
    });
  } else if (input.LoadBalancerArn !== undefined) {
    getLoadBalancer(state, input.LoadBalancerArn);
    groups = groups.filter((r) => loadBalancersOf(state, r.tg.TargetGroupArn!).includes(input.LoadBalancerArn!));
  }
  const p = page(groups, input.Marker, input.PageSize);
  return { TargetGroups: p.items.map((r) => showTargetGroup(state, r)), ...(p.next ? { NextMarker: p.next } : {}) };
};
