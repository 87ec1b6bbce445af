import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { IpPermission, SecurityGroup, SecurityGroupRule } from "../generated/types.js";
import { parseCidr } from "../domain/cidr.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { defaultVpc, findGroup, groupByName } from "../domain/network.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

const PROTOCOLS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", all: "-1" };

function groupOf(state: Parameters<Handler<"AuthorizeSecurityGroupIngress">>[1]["state"], id: string | undefined, name: string | undefined): SecurityGroup {
  if (id !== undefined) return findGroup(state, id);
  if (name !== undefined) {
    const vpc = defaultVpc(state);
    const g = vpc && groupByName(state, vpc.vpc.VpcId!, name);
    if (!g) throw ec2Errors.groupNameNotFoundInDefaultVpc(name, vpc?.vpc.VpcId ?? "");
    return g;
  }
  throw new AwsError("MissingParameter", "The request must contain the parameter groupName or groupId");
}

/** One rule per source: the flat parameters (CidrIp, IpProtocol, ports) make one permission. */
function permissionsOf(input: Parameters<Handler<"AuthorizeSecurityGroupIngress">>[0]): IpPermission[] {
  if (input.IpPermissions?.length) return input.IpPermissions;
  if (input.IpProtocol === undefined && input.CidrIp === undefined && input.SourceSecurityGroupName === undefined) {
    throw new AwsError("MissingParameter", "The request must contain the parameter ipPermissions");
  }
  return [
    {
      IpProtocol: input.IpProtocol ?? "-1",
      FromPort: input.FromPort,
      ToPort: input.ToPort,
      ...(input.CidrIp !== undefined ? { IpRanges: [{ CidrIp: input.CidrIp }] } : {}),
      ...(input.SourceSecurityGroupName !== undefined ? { UserIdGroupPairs: [{ GroupName: input.SourceSecurityGroupName }] } : {}),
    },
  ];
}

function describeRule(cidr: string, p: IpPermission): string {
  const proto = p.IpProtocol === "-1" ? "ALL" : (p.IpProtocol ?? "").toUpperCase();
  return `peer: ${cidr}, ${proto}, from port: ${p.FromPort ?? -1}, to port: ${p.ToPort ?? -1}, ALLOW`;
}

export const authorizeSecurityGroupIngress: Handler<"AuthorizeSecurityGroupIngress"> = (input, ctx) => {
  const { state } = ctx;
  const group = groupOf(state, input.GroupId, input.GroupName);
  checkTagSpecifications(input.TagSpecifications, ["security-group-rule"]);
  const perms = permissionsOf(input).map((p) => {
    const proto = String(p.IpProtocol ?? "").toLowerCase();
    const ipProtocol = PROTOCOLS[proto] ?? proto;
    if (!["tcp", "udp", "icmp", "icmpv6", "-1"].includes(ipProtocol) && !/^\d+$/.test(ipProtocol)) throw ec2Errors.invalidParameter(`Invalid value '${p.IpProtocol}' for IP protocol. Unknown protocol.`);
    const ports = ipProtocol === "-1" ? {} : { FromPort: p.FromPort, ToPort: p.ToPort };
    if ((ipProtocol === "tcp" || ipProtocol === "udp") && (p.FromPort === undefined || p.ToPort === undefined)) {
      throw ec2Errors.invalidParameter(`Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange. Must specify both from and to ports with TCP/UDP.`);
    }
    for (const r of p.IpRanges ?? []) if (!r.CidrIp || !parseCidr(r.CidrIp)) throw ec2Errors.invalidParameter(`CIDR block ${r.CidrIp} is malformed`);
    const pairs = (p.UserIdGroupPairs ?? []).map((u) => {
      const src = u.GroupId !== undefined ? findGroup(state, u.GroupId) : groupByName(state, group.VpcId!, u.GroupName ?? "");
      if (!src) throw ec2Errors.groupNotFoundInVpc(u.GroupName ?? "", group.VpcId!);
      return { GroupId: src.GroupId, UserId: state.accountId, ...(u.Description !== undefined ? { Description: u.Description } : {}) };
    });
    return { IpProtocol: ipProtocol, ...ports, IpRanges: p.IpRanges ?? [], Ipv6Ranges: p.Ipv6Ranges ?? [], PrefixListIds: p.PrefixListIds ?? [], UserIdGroupPairs: pairs };
  });
  // Refuse a rule the group already has, before anything changes.
  const existing = group.IpPermissions ?? [];
  const same = (a: IpPermission, b: IpPermission) => a.IpProtocol === b.IpProtocol && a.FromPort === b.FromPort && a.ToPort === b.ToPort;
  for (const p of perms) {
    const had = existing.find((e) => same(e, p));
    for (const r of p.IpRanges) {
      if (had?.IpRanges?.some((x) => x.CidrIp === r.CidrIp)) throw new AwsError("InvalidPermission.Duplicate", `the specified rule "${describeRule(r.CidrIp!, p)}" already exists`);
    }
    for (const u of p.UserIdGroupPairs) {
      if (had?.UserIdGroupPairs?.some((x) => x.GroupId === u.GroupId)) throw new AwsError("InvalidPermission.Duplicate", `the specified rule "${describeRule(u.GroupId!, p)}" already exists`);
    }
  }
  const rules: SecurityGroupRule[] = [];
  const ruleTags = tagsFor(input.TagSpecifications, "security-group-rule");
  for (const p of perms) {
    let target = existing.find((e) => same(e, p));
    if (!target) {
      target = { IpProtocol: p.IpProtocol, ...(p.FromPort !== undefined ? { FromPort: p.FromPort, ToPort: p.ToPort } : {}), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
      existing.push(target);
    }
    const base = { GroupId: group.GroupId, GroupOwnerId: state.accountId, IsEgress: false, IpProtocol: p.IpProtocol, FromPort: p.FromPort ?? -1, ToPort: p.ToPort ?? -1 };
    for (const r of p.IpRanges) {
      target.IpRanges!.push(r);
      rules.push({ SecurityGroupRuleId: ec2Id(state.ids, "sgr"), ...base, CidrIpv4: r.CidrIp, ...(r.Description !== undefined ? { Description: r.Description } : {}) });
    }
    for (const u of p.UserIdGroupPairs) {
      target.UserIdGroupPairs!.push(u);
      rules.push({ SecurityGroupRuleId: ec2Id(state.ids, "sgr"), ...base, ReferencedGroupInfo: { GroupId: u.GroupId, UserId: state.accountId } });
    }
  }
  group.IpPermissions = existing;
  for (const r of rules) {
    putTags(state, r.SecurityGroupRuleId!, ruleTags);
    if (ruleTags.length) r.Tags = ruleTags.map((t) => ({ ...t }));
  }
  return { Return: true, SecurityGroupRules: rules };
};
