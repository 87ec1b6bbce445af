import type { Handler } from "../context.js";
import { authorize } from "../domain/sgChanges.js";
import { requestGroup } from "../domain/sgRuleInput.js";

export const authorizeSecurityGroupIngress: Handler<"AuthorizeSecurityGroupIngress"> = (input, ctx) => {
  const group = requestGroup(ctx.state, input.GroupId, input.GroupName);
  return { Return: true, SecurityGroupRules: authorize(ctx.state, group, false, input) };
};
