// What Authorize/Revoke/UpdateSecurityGroupRuleDescriptions requests ask for, as rules: each
// permission's protocol and ports with each of its sources (IPv4 and IPv6 ranges, prefix lists,
// groups). Checked before anything changes.
import { isIPv6 } from "node:net";
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import type { IpPermission, SecurityGroup, SecurityGroupRuleRequest } from "../generated/types.js";
import { parseCidr } from "./cidr.js";
import { ec2Errors } from "./errors.js";
import { defaultVpc, findGroup, groupByName } from "./network.js";
import { hasPorts, type RuleSpec } from "./sgRules.js";

const PROTOCOL_NUMBERS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };

/** The flat parameters of the older API (CidrIp, IpProtocol, ports, SourceSecurityGroupName). */
export interface FlatRule {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  SourceSecurityGroupName?: string;
}

/** The group a request names by id or, in the default VPC, by name. */
export function requestGroup(state: Ec2State, id: string | undefined, name: string | undefined): SecurityGroup {
  if (id !== undefined) return findGroup(state, id);
  if (name !== undefined) {
    const vpc = defaultVpc(state);
    const g = vpc && groupByName(state, vpc.vpc.VpcId!, name);
    if (!g) throw ec2Errors.groupNameNotFoundInDefaultVpc(name, vpc?.vpc.VpcId ?? "");
    return g;
  }
  throw new AwsError("MissingParameter", "The request must contain the parameter groupName or groupId");
}

/** IpPermissions as given, else one permission from the flat parameters. */
export function requestPermissions(permissions: IpPermission[] | undefined, flat: FlatRule): IpPermission[] {
  if (permissions?.length) return permissions;
  if (flat.IpProtocol === undefined && flat.CidrIp === undefined && flat.SourceSecurityGroupName === undefined) {
    throw new AwsError("MissingParameter", "The request must contain the parameter ipPermissions");
  }
  return [
    {
      IpProtocol: flat.IpProtocol ?? "-1",
      FromPort: flat.FromPort,
      ToPort: flat.ToPort,
      ...(flat.CidrIp !== undefined ? { IpRanges: [{ CidrIp: flat.CidrIp }] } : {}),
      ...(flat.SourceSecurityGroupName !== undefined ? { UserIdGroupPairs: [{ GroupName: flat.SourceSecurityGroupName }] } : {}),
    },
  ];
}

function protocolOf(given: string | undefined): string {
  const lower = String(given ?? "").toLowerCase();
  const p = PROTOCOL_NUMBERS[lower] ?? lower;
  if (!["tcp", "udp", "icmp", "icmpv6", "-1"].includes(p) && !(/^\d+$/.test(p) && Number(p) <= 255)) {
    throw ec2Errors.invalidParameter(`Invalid value '${given}' for IP protocol. Unknown protocol.`);
  }
  return p;
}

/** Protocol and ports as a rule holds them: -1/-1 where ports do not apply. */
function portsOf(protocol: string, from: number | undefined, to: number | undefined): { FromPort: number; ToPort: number } {
  if (!hasPorts(protocol)) return { FromPort: -1, ToPort: -1 };
  if ((protocol === "tcp" || protocol === "udp") && (from === undefined || to === undefined)) {
    throw ec2Errors.invalidParameter("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange. Must specify both from and to ports with TCP/UDP.");
  }
  return { FromPort: from ?? -1, ToPort: to ?? -1 };
}

function checkCidr4(cidr: string | undefined): string {
  if (!cidr || !parseCidr(cidr)) throw ec2Errors.invalidParameter(`CIDR block ${cidr} is malformed`);
  return cidr;
}

function checkCidr6(cidr: string | undefined): string {
  const [ip, bits] = (cidr ?? "").split("/");
  if (!isIPv6(ip) || !/^\d{1,3}$/.test(bits ?? "") || Number(bits) > 128) throw ec2Errors.invalidParameter(`CIDR block ${cidr} is malformed`);
  return cidr!;
}

/** A group a rule refers to: by id anywhere in the account, by name in the rule's group's VPC. */
function referencedGroup(state: Ec2State, group: SecurityGroup, ref: { GroupId?: string; GroupName?: string }): string {
  if (ref.GroupId !== undefined) return findGroup(state, ref.GroupId).GroupId!;
  const g = groupByName(state, group.VpcId!, ref.GroupName ?? "");
  if (!g) throw ec2Errors.groupNotFoundInVpc(ref.GroupName ?? "", group.VpcId!);
  return g.GroupId!;
}

/** Every rule the permissions name, in order: each permission's IPv4 ranges, IPv6 ranges, prefix lists, groups. */
export function rulesOf(state: Ec2State, group: SecurityGroup, egress: boolean, permissions: IpPermission[]): RuleSpec[] {
  const out: RuleSpec[] = [];
  for (const p of permissions) {
    const protocol = protocolOf(p.IpProtocol);
    const base = { GroupId: group.GroupId, GroupOwnerId: state.accountId, IsEgress: egress, IpProtocol: protocol, ...portsOf(protocol, p.FromPort, p.ToPort) };
    const described = (d: string | undefined) => (d !== undefined ? { Description: d } : {});
    for (const r of p.IpRanges ?? []) out.push({ ...base, CidrIpv4: checkCidr4(r.CidrIp), ...described(r.Description) });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, CidrIpv6: checkCidr6(r.CidrIpv6), ...described(r.Description) });
    for (const r of p.PrefixListIds ?? []) out.push({ ...base, PrefixListId: r.PrefixListId, ...described(r.Description) });
    for (const u of p.UserIdGroupPairs ?? []) {
      out.push({ ...base, ReferencedGroupInfo: { GroupId: referencedGroup(state, group, u), UserId: state.accountId }, ...described(u.Description) });
    }
  }
  return out;
}

/** ModifySecurityGroupRules' new content for a rule of `group`, keeping its direction. */
export function ruleFromRequest(state: Ec2State, group: SecurityGroup, egress: boolean, req: SecurityGroupRuleRequest): RuleSpec {
  const peers = [req.CidrIpv4, req.CidrIpv6, req.PrefixListId, req.ReferencedGroupId].filter((v) => v !== undefined);
  if (peers.length !== 1) throw ec2Errors.invalidParameter("Exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId must be specified.");
  const protocol = protocolOf(req.IpProtocol);
  return {
    GroupId: group.GroupId,
    GroupOwnerId: state.accountId,
    IsEgress: egress,
    IpProtocol: protocol,
    ...portsOf(protocol, req.FromPort, req.ToPort),
    ...(req.CidrIpv4 !== undefined ? { CidrIpv4: checkCidr4(req.CidrIpv4) } : {}),
    ...(req.CidrIpv6 !== undefined ? { CidrIpv6: checkCidr6(req.CidrIpv6) } : {}),
    ...(req.PrefixListId !== undefined ? { PrefixListId: req.PrefixListId } : {}),
    ...(req.ReferencedGroupId !== undefined ? { ReferencedGroupInfo: { GroupId: findGroup(state, req.ReferencedGroupId).GroupId, UserId: state.accountId } } : {}),
    ...(req.Description !== undefined ? { Description: req.Description } : {}),
  };
}

/** How InvalidPermission.Duplicate names a rule: `peer: 0.0.0.0/0, ALL` or `peer: sg-…, TCP, from port: 80, to port: 80`. */
export function duplicateText(rule: RuleSpec): { peer: string; rule: string } {
  const peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId ?? "";
  if (rule.IpProtocol === "-1") return { peer, rule: "ALL" };
  const proto = (rule.IpProtocol ?? "").toUpperCase();
  return { peer, rule: `${proto}, from port: ${rule.FromPort}, to port: ${rule.ToPort}` };
}
