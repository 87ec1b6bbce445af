import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/paging.js";

/** A group's policies (or every group's), by name or ARN and by type. */
export const describePolicies: Handler<"DescribePolicies"> = (input, ctx) => {
  const groups = input.AutoScalingGroupName !== undefined ? [findGroup(ctx.state, input.AutoScalingGroupName)] : [...ctx.state.groups.values()];
  const names = input.PolicyNames;
  const types = input.PolicyTypes;
  const policies = groups
    .flatMap((g) => [...g.policies.values()])
    .filter((p) => (!names?.length || names.includes(p.PolicyName!) || names.includes(p.PolicyARN!)) && (!types?.length || types.includes(p.PolicyType!)));
  const p = page(policies, input.NextToken, input.MaxRecords);
  return { ScalingPolicies: structuredClone(p.items), ...(p.next ? { NextToken: p.next } : {}) };
};
