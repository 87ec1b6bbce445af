import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";

export const describeTrafficSources: Handler<"DescribeTrafficSources"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.AutoScalingGroupName);
  const sources = group.trafficSources.filter((s) => input.TrafficSourceType === undefined || s.Type === input.TrafficSourceType);
  const p = page(sources, input.NextToken, input.MaxRecords);
  return { TrafficSources: p.items.map((s) => ({ TrafficSource: s.Identifier, State: "InService", Identifier: s.Identifier, Type: s.Type })), ...(p.next ? { NextToken: p.next } : {}) };
};
