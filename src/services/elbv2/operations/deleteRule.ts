import type { Handler } from "../context.js";
import { OperationNotPermittedException } from "../generated/errors.js";
import { groupsOf } from "../domain/actions.js";
import { getRule } from "../domain/lookup.js";
import { usageChanged } from "../domain/targets.js";

export const deleteRule: Handler<"DeleteRule"> = (input, ctx) => {
  const { state } = ctx;
  const { listener, rule } = getRule(state, input.RuleArn);
  if (rule.IsDefault) throw new OperationNotPermittedException(`Default rule '${input.RuleArn}' cannot be deleted`);
  listener.rules.delete(input.RuleArn);
  state.tags.delete(input.RuleArn);
  for (const tg of new Set((rule.Actions ?? []).flatMap(groupsOf))) usageChanged(ctx.backend, state, tg);
  return {};
};
