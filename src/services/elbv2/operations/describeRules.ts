import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { Rule } from "../generated/types.js";
import { getListener, getRule } from "../domain/lookup.js";
import { page } from "../domain/paging.js";

/** By priority, the default rule last, as AWS lists them. */
function byPriority(a: Rule, b: Rule): number {
  const n = (r: Rule) => (r.IsDefault ? Infinity : Number(r.Priority));
  return n(a) - n(b);
}

export const describeRules: Handler<"DescribeRules"> = (input, ctx) => {
  const { state } = ctx;
  let rules: Rule[];
  if (input.RuleArns?.length) {
    if (input.ListenerArn !== undefined) throw commonErrors.validation("Rule ARNs and a listener ARN cannot be specified at the same time");
    rules = input.RuleArns.map((arn) => getRule(state, arn).rule);
  } else if (input.ListenerArn !== undefined) rules = [...getListener(state, input.ListenerArn).rules.values()].sort(byPriority);
  else throw commonErrors.validation("You must specify either listener rule ARNs or a listener ARN");
  const p = page(rules, input.Marker, input.PageSize);
  return { Rules: p.items.map((r) => structuredClone(r)), ...(p.next ? { NextMarker: p.next } : {}) };
};
