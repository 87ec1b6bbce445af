import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";
import { targetGroupArns } from "../domain/targets.js";

/** Attached target groups are InService at once: no ELB health check grace is modelled. */
export const describeLoadBalancerTargetGroups: Handler<"DescribeLoadBalancerTargetGroups"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  const p = page(targetGroupArns(group), input.NextToken, input.MaxRecords, 100, 100);
  return { LoadBalancerTargetGroups: p.items.map((arn) => ({ LoadBalancerTargetGroupARN: arn, State: "InService" })), ...(p.next ? { NextToken: p.next } : {}) };
};
