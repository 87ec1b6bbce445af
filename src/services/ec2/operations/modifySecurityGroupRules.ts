import type { Handler } from "../context.js";
import { findGroup } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";
import { duplicateText, ruleFromRequest } from "../domain/sgRuleInput.js";
import { groupRules, sameRule, type RuleSpec } from "../domain/sgRules.js";

/** Rewrites rules in place, keeping their ids and directions; checked whole before any changes. */
export const modifySecurityGroupRules: Handler<"ModifySecurityGroupRules"> = (input, ctx) => {
  const { state } = ctx;
  const group = findGroup(state, input.GroupId);
  const own = new Map(groupRules(state, group.GroupId!).map((r) => [r.SecurityGroupRuleId!, r]));
  const changes = input.SecurityGroupRules.map((u) => {
    const rule = own.get(u.SecurityGroupRuleId ?? "");
    if (!rule) throw networkErrors.ruleNotFound(u.SecurityGroupRuleId ?? "");
    if (!u.SecurityGroupRule) throw networkErrors.missing("SecurityGroupRule");
    return { rule, spec: ruleFromRequest(state, group, rule.IsEgress!, u.SecurityGroupRule) };
  });
  const changed = new Set(changes.map((c) => c.rule.SecurityGroupRuleId));
  const after: RuleSpec[] = [...[...own.values()].filter((r) => !changed.has(r.SecurityGroupRuleId)), ...changes.map((c) => c.spec)];
  after.forEach((spec, i) => {
    if (after.slice(0, i).some((s) => sameRule(s, spec))) {
      const t = duplicateText(spec);
      throw networkErrors.duplicateRule(t.peer, t.rule);
    }
  });
  for (const { rule, spec } of changes) {
    for (const k of ["CidrIpv4", "CidrIpv6", "PrefixListId", "ReferencedGroupInfo", "Description"] as const) delete rule[k];
    Object.assign(rule, spec);
  }
  return { Return: true };
};
