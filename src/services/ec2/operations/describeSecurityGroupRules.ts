import type { Handler } from "../context.js";
import type { SecurityGroupRule } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { networkErrors } from "../domain/networkErrors.js";
import { paginate } from "../domain/pagination.js";
import { ruleView } from "../domain/sgRules.js";

const FILTERS: FilterValues<SecurityGroupRule> = {
  "group-id": (r) => r.GroupId,
  "security-group-rule-id": (r) => r.SecurityGroupRuleId,
};

export const describeSecurityGroupRules: Handler<"DescribeSecurityGroupRules"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.SecurityGroupRuleIds ?? []) if (!state.securityGroupRules.has(id)) throw networkErrors.ruleNotFound(id);
  const wanted = input.SecurityGroupRuleIds?.length ? new Set(input.SecurityGroupRuleIds) : undefined;
  const all = [...state.securityGroupRules.values()].filter((r) => (!wanted || wanted.has(r.SecurityGroupRuleId!)) && matchesFilters(r, state.tags.get(r.SecurityGroupRuleId!), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  return { SecurityGroupRules: page.items.map((r) => ruleView(state, r)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
