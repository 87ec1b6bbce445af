import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { checkDimensionFilter } from "../domain/resources.js";

export const describeScalableTargets: Handler<"DescribeScalableTargets"> = (input, ctx) => {
  checkDimensionFilter(input.ServiceNamespace, input.ScalableDimension);
  const ids = input.ResourceIds?.length ? new Set(input.ResourceIds) : undefined;
  const targets = [...ctx.state.targets.values()]
    .map((r) => r.target)
    .filter((t) => t.ServiceNamespace === input.ServiceNamespace && (!ids || ids.has(t.ResourceId)) && (!input.ScalableDimension || t.ScalableDimension === input.ScalableDimension));
  const { items, NextToken } = page("targets", targets, input.NextToken, input.MaxResults, 50);
  return { ScalableTargets: structuredClone(items), ...(NextToken ? { NextToken } : {}) };
};
