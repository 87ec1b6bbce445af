// A CloudFormation security group rule (flat: CidrIp, SourceSecurityGroupId…) as EC2's IpPermission.

export type Rule = Record<string, any>;

export function ipPermission(rule: Rule, egress = false): Record<string, unknown> {
  const p: Record<string, unknown> = { IpProtocol: String(rule.IpProtocol) };
  if (rule.FromPort !== undefined) p.FromPort = Number(rule.FromPort);
  if (rule.ToPort !== undefined) p.ToPort = Number(rule.ToPort);
  const desc = rule.Description !== undefined ? { Description: String(rule.Description) } : {};
  if (rule.CidrIp !== undefined) p.IpRanges = [{ CidrIp: rule.CidrIp, ...desc }];
  if (rule.CidrIpv6 !== undefined) p.Ipv6Ranges = [{ CidrIpv6: rule.CidrIpv6, ...desc }];
  const peer = egress ? rule.DestinationSecurityGroupId : rule.SourceSecurityGroupId;
  if (peer !== undefined) p.UserIdGroupPairs = [{ GroupId: peer, ...(rule.SourceSecurityGroupOwnerId ? { UserId: rule.SourceSecurityGroupOwnerId } : {}), ...desc }];
  const prefix = egress ? rule.DestinationPrefixListId : rule.SourcePrefixListId;
  if (prefix !== undefined) p.PrefixListIds = [{ PrefixListId: prefix, ...desc }];
  return p;
}

/** Rules of `a` not in `b` (compared as declared). */
export const minus = (a: Rule[] = [], b: Rule[] = []): Rule[] => a.filter((r) => !b.some((s) => JSON.stringify(s) === JSON.stringify(r)));
