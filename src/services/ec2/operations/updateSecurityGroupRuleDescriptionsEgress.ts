import type { Handler } from "../context.js";
import { updateDescriptions } from "../domain/sgChanges.js";
import { requestGroup } from "../domain/sgRuleInput.js";

export const updateSecurityGroupRuleDescriptionsEgress: Handler<"UpdateSecurityGroupRuleDescriptionsEgress"> = (input, ctx) => {
  const group = requestGroup(ctx.state, input.GroupId, input.GroupName);
  updateDescriptions(ctx.state, group, true, input.IpPermissions, input.SecurityGroupRuleDescriptions);
  return { Return: true };
};
