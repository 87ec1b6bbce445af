import type { Handler } from "../context.js";
import { updateDescriptions } from "../domain/sgChanges.js";
import { requestGroup } from "../domain/sgRuleInput.js";

export const updateSecurityGroupRuleDescriptionsIngress: Handler<"UpdateSecurityGroupRuleDescriptionsIngress"> = (input, ctx) => {
  const group = requestGroup(ctx.state, input.GroupId, input.GroupName);
  updateDescriptions(ctx.state, group, false, input.IpPermissions, input.SecurityGroupRuleDescriptions);
  return { Return: true };
};
