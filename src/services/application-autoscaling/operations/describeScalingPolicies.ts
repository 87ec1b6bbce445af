import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { checkDimensionFilter } from "../domain/resources.js";

export const describeScalingPolicies: Handler<"DescribeScalingPolicies"> = (input, ctx) => {
  checkDimensionFilter(input.ServiceNamespace, input.ScalableDimension);
  const names = input.PolicyNames?.length ? new Set(input.PolicyNames) : undefined;
  const policies = [...ctx.state.targets.values()]
    .filter((r) => r.target.ServiceNamespace === input.ServiceNamespace)
    .filter((r) => (!input.ResourceId || r.target.ResourceId === input.ResourceId) && (!input.ScalableDimension || r.target.ScalableDimension === input.ScalableDimension))
    .flatMap((r) => [...r.policies.values()].map((p) => p.policy))
    .filter((p) => !names || names.has(p.PolicyName));
  const { items, NextToken } = page("policies", policies, input.NextToken, input.MaxResults, 10);
  return { ScalingPolicies: structuredClone(items), ...(NextToken ? { NextToken } : {}) };
};
