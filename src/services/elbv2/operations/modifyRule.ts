import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { OperationNotPermittedException } from "../generated/errors.js";
import { checkActions, checkConditions, groupsOf } from "../domain/actions.js";
import { getLoadBalancer, getRule } from "../domain/lookup.js";
import { usageChanged } from "../domain/targets.js";

/** New conditions and/or actions for a rule; a default rule's conditions cannot change. */
export const modifyRule: Handler<"ModifyRule"> = (input, ctx) => {
  const { state } = ctx;
  const { listener, rule } = getRule(state, input.RuleArn);
  if (input.Transforms?.length) throw commonErrors.unsupported("ecs-local does not support rule transforms yet.");
  if (rule.IsDefault && input.Conditions !== undefined) throw new OperationNotPermittedException("Conditions cannot be specified for a default rule");
  const lb = getLoadBalancer(state, listener.listener.LoadBalancerArn!).lb;
  const conditions = input.Conditions !== undefined ? checkConditions(input.Conditions) : rule.Conditions;
  const actions = input.Actions !== undefined ? checkActions(state, lb, input.Actions) : rule.Actions!;
  const before = (rule.Actions ?? []).flatMap(groupsOf);
  rule.Conditions = conditions;
  rule.Actions = actions;
  // The default rule and the listener's default actions are one and the same.
  if (rule.IsDefault) listener.listener.DefaultActions = actions;
  for (const tg of new Set([...before, ...actions.flatMap(groupsOf)])) usageChanged(ctx.backend, state, tg);
  return { Rules: [structuredClone(rule)] };
};
