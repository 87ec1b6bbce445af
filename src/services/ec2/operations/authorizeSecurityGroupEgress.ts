import type { Handler } from "../context.js";
import { findGroup } from "../domain/network.js";
import { authorize } from "../domain/sgChanges.js";

export const authorizeSecurityGroupEgress: Handler<"AuthorizeSecurityGroupEgress"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.GroupId);
  return { Return: true, SecurityGroupRules: authorize(ctx.state, group, true, input) };
};
