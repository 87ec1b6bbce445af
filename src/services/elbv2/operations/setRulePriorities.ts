import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { OperationNotPermittedException, PriorityInUseException } from "../generated/errors.js";
import type { Rule } from "../generated/types.js";
import { getRule } from "../domain/lookup.js";

/** All new priorities are checked together (a swap is allowed) before any is set. */
export const setRulePriorities: Handler<"SetRulePriorities"> = (input, ctx) => {
  for (const p of input.RulePriorities) {
    if (p.RuleArn === undefined || p.Priority === undefined) throw commonErrors.validation("A rule ARN and a priority must be specified for each rule");
  }
  const changes = input.RulePriorities.map((p) => ({ ...getRule(ctx.state, p.RuleArn!), priority: String(p.Priority) }));
  for (const c of changes) if (c.rule.IsDefault) throw new OperationNotPermittedException(`Default rule '${c.rule.RuleArn}' cannot be modified`);
  const moving = new Set(changes.map((c) => c.rule));
  const taken = new Map<string, Set<string>>();
  for (const c of changes) {
    const arn = c.listener.listener.ListenerArn!;
    if (!taken.has(arn)) taken.set(arn, new Set([...c.listener.rules.values()].filter((r) => !moving.has(r)).map((r) => r.Priority!)));
    const used = taken.get(arn)!;
    if (used.has(c.priority)) throw new PriorityInUseException(`Priority '${c.priority}' is currently in use`);
    used.add(c.priority);
  }
  const out: Rule[] = [];
  for (const c of changes) {
    c.rule.Priority = c.priority;
    out.push(structuredClone(c.rule));
  }
  return { Rules: out };
};
