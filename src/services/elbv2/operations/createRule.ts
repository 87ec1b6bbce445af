import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { PriorityInUseException } from "../generated/errors.js";
import type { Rule } from "../generated/types.js";
import { checkActions, checkConditions, groupsOf } from "../domain/actions.js";
import { ruleArn } from "../domain/ids.js";
import { getListener, getLoadBalancer } from "../domain/lookup.js";
import { addTags, checkNewTags } from "../domain/tags.js";
import { usageChanged } from "../domain/targets.js";

export const createRule: Handler<"CreateRule"> = (input, ctx) => {
  const { state } = ctx;
  const listener = getListener(state, input.ListenerArn);
  const lb = getLoadBalancer(state, listener.listener.LoadBalancerArn!).lb;
  if (lb.Type !== "application") throw commonErrors.validation("Rules are supported only by listeners of Application Load Balancers");
  const priority = String(input.Priority);
  if ([...listener.rules.values()].some((r) => r.Priority === priority)) throw new PriorityInUseException(`Priority '${priority}' is currently in use`);
  checkNewTags(input.Tags);
  const conditions = checkConditions(input.Conditions);
  const actions = checkActions(state, lb, input.Actions);
  const rule: Rule = { RuleArn: ruleArn(state.ids, input.ListenerArn), Priority: priority, Conditions: conditions, Actions: actions, IsDefault: false };
  listener.rules.set(rule.RuleArn!, rule);
  addTags(state, rule.RuleArn!, input.Tags);
  for (const tg of new Set(actions.flatMap(groupsOf))) usageChanged(ctx.backend, state, tg);
  return { Rules: [structuredClone(rule)] };
};
