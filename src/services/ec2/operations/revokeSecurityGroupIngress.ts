import type { Handler } from "../context.js";
import { defaultVpc } from "../domain/network.js";
import { revoke } from "../domain/sgChanges.js";
import { requestGroup } from "../domain/sgRuleInput.js";

export const revokeSecurityGroupIngress: Handler<"RevokeSecurityGroupIngress"> = (input, ctx) => {
  const group = requestGroup(ctx.state, input.GroupId, input.GroupName);
  const result = revoke(ctx.state, group, false, input, group.VpcId === defaultVpc(ctx.state)?.vpc.VpcId);
  return { Return: true, ...(result.unknown.length ? { UnknownIpPermissions: result.unknown } : {}), RevokedSecurityGroupRules: result.revoked };
};
