import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { checkDimensionFilter } from "../domain/resources.js";

export const describeScheduledActions: Handler<"DescribeScheduledActions"> = (input, ctx) => {
  checkDimensionFilter(input.ServiceNamespace, input.ScalableDimension);
  const names = input.ScheduledActionNames?.length ? new Set(input.ScheduledActionNames) : undefined;
  const actions = [...ctx.state.targets.values()]
    .filter((r) => r.target.ServiceNamespace === input.ServiceNamespace)
    .filter((r) => (!input.ResourceId || r.target.ResourceId === input.ResourceId) && (!input.ScalableDimension || r.target.ScalableDimension === input.ScalableDimension))
    .flatMap((r) => [...r.actions.values()].map((a) => a.action))
    .filter((a) => !names || names.has(a.ScheduledActionName));
  const { items, NextToken } = page("actions", actions, input.NextToken, input.MaxResults, 50);
  return { ScheduledActions: structuredClone(items), ...(NextToken ? { NextToken } : {}) };
};
