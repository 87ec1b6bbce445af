import type { Handler } from "../context.js";
import { defaultVpc, findGroup } from "../domain/network.js";
import { revoke } from "../domain/sgChanges.js";

export const revokeSecurityGroupEgress: Handler<"RevokeSecurityGroupEgress"> = (input, ctx) => {
  const group = findGroup(ctx.state, input.GroupId);
  const result = revoke(ctx.state, group, true, input, group.VpcId === defaultVpc(ctx.state)?.vpc.VpcId);
  return { Return: true, ...(result.unknown.length ? { UnknownIpPermissions: result.unknown } : {}), RevokedSecurityGroupRules: result.revoked };
};
