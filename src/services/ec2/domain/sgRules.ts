// Security group rules: every rule of a group is one SecurityGroupRule with its own `sgr-` id (one
// protocol and port range, one source or destination). DescribeSecurityGroups' IpPermissions are
// worked out from them, grouped by protocol and ports in the order the rules were added.
import type { Ec2State } from "../context.js";
import type { IpPermission, SecurityGroup, SecurityGroupRule } from "../generated/types.js";
import { ec2Id, stableId } from "./ids.js";
import { forgetTags, tagsOf } from "./tags.js";

/** A rule before it has an id: what a request asks for. */
export type RuleSpec = Omit<SecurityGroupRule, "SecurityGroupRuleId" | "SecurityGroupRuleArn" | "Tags">;

export function ruleArn(state: Ec2State, id: string): string {
  return `arn:aws:ec2:${state.region}:${state.accountId}:security-group-rule/${id}`;
}

/** The rules of one group (one direction when `egress` is given), in the order they were added. */
export function groupRules(state: Ec2State, groupId: string, egress?: boolean): SecurityGroupRule[] {
  const out: SecurityGroupRule[] = [];
  for (const r of state.securityGroupRules.values()) if (r.GroupId === groupId && (egress === undefined || r.IsEgress === egress)) out.push(r);
  return out;
}

/** A rule as EC2 answers it: with its tags (an empty list when it has none). */
export function ruleView(state: Ec2State, rule: SecurityGroupRule): SecurityGroupRule {
  return { ...structuredClone(rule), Tags: tagsOf(state, rule.SecurityGroupRuleId!) ?? [] };
}

/** Protocols whose rules carry a port range (or, for ICMP, a type and code). */
export function hasPorts(protocol: string | undefined): boolean {
  return protocol === "tcp" || protocol === "udp" || protocol === "icmp" || protocol === "icmpv6";
}

/** Two rules say the same thing when direction, protocol, ports and peer agree; descriptions do not count. */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    a.GroupId === b.GroupId &&
    a.IsEgress === b.IsEgress &&
    a.IpProtocol === b.IpProtocol &&
    a.FromPort === b.FromPort &&
    a.ToPort === b.ToPort &&
    a.CidrIpv4 === b.CidrIpv4 &&
    a.CidrIpv6 === b.CidrIpv6 &&
    a.PrefixListId === b.PrefixListId &&
    a.ReferencedGroupInfo?.GroupId === b.ReferencedGroupInfo?.GroupId
  );
}

export function findSameRule(state: Ec2State, spec: RuleSpec): SecurityGroupRule | undefined {
  for (const r of state.securityGroupRules.values()) if (sameRule(r, spec)) return r;
  return undefined;
}

/** Adds a rule under `id` (a fresh `sgr-` id when none is given). */
export function addRule(state: Ec2State, spec: RuleSpec, id = ec2Id(state.ids, "sgr")): SecurityGroupRule {
  const rule: SecurityGroupRule = { SecurityGroupRuleId: id, ...spec, SecurityGroupRuleArn: ruleArn(state, id) };
  state.securityGroupRules.set(id, rule);
  return rule;
}

export function removeRule(state: Ec2State, id: string): void {
  state.securityGroupRules.delete(id);
  forgetTags(state, id);
}

export function removeGroupRules(state: Ec2State, groupId: string): void {
  for (const r of groupRules(state, groupId)) removeRule(state, r.SecurityGroupRuleId!);
}

/** All traffic out, to anywhere: the rule every new security group starts with. */
export function allowAllEgressRule(state: Ec2State, groupId: string): RuleSpec {
  return { GroupId: groupId, GroupOwnerId: state.accountId, IsEgress: true, IpProtocol: "-1", FromPort: -1, ToPort: -1, CidrIpv4: "0.0.0.0/0" };
}

/**
 * The rules a new group starts with: all traffic out and, for a VPC's `default` group, all traffic in
 * from members of the group. `stable` gives the default VPC's group the same rule ids in every run.
 */
export function addInitialRules(state: Ec2State, group: SecurityGroup, stable: boolean): void {
  const groupId = group.GroupId!;
  const id = (dir: string) => (stable ? stableId("sgr", state.accountId, state.region, groupId, dir) : undefined);
  if (group.GroupName === "default") {
    const self: RuleSpec = { GroupId: groupId, GroupOwnerId: state.accountId, IsEgress: false, IpProtocol: "-1", FromPort: -1, ToPort: -1, ReferencedGroupInfo: { GroupId: groupId, UserId: state.accountId } };
    addRule(state, self, id("ingress"));
  }
  addRule(state, allowAllEgressRule(state, groupId), id("egress"));
}

/** DescribeSecurityGroups' IpPermissions (or IpPermissionsEgress) of a group, from its rules. */
export function permissionsOf(state: Ec2State, groupId: string, egress: boolean): IpPermission[] {
  const byKey = new Map<string, IpPermission>();
  for (const r of groupRules(state, groupId, egress)) {
    const key = `${r.IpProtocol}/${r.FromPort}/${r.ToPort}`;
    let p = byKey.get(key);
    if (!p) {
      p = { IpProtocol: r.IpProtocol, ...(hasPorts(r.IpProtocol) ? { FromPort: r.FromPort, ToPort: r.ToPort } : {}), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
      byKey.set(key, p);
    }
    const description = r.Description !== undefined ? { Description: r.Description } : {};
    if (r.CidrIpv4 !== undefined) p.IpRanges!.push({ CidrIp: r.CidrIpv4, ...description });
    else if (r.CidrIpv6 !== undefined) p.Ipv6Ranges!.push({ CidrIpv6: r.CidrIpv6, ...description });
    else if (r.PrefixListId !== undefined) p.PrefixListIds!.push({ PrefixListId: r.PrefixListId, ...description });
    else if (r.ReferencedGroupInfo) p.UserIdGroupPairs!.push({ ...description, GroupId: r.ReferencedGroupInfo.GroupId, UserId: r.ReferencedGroupInfo.UserId });
  }
  return [...byKey.values()];
}

/** A group as DescribeSecurityGroups answers it: its rules as permissions, its tags. */
export function groupView(state: Ec2State, group: SecurityGroup): SecurityGroup {
  const tags = tagsOf(state, group.GroupId!);
  return {
    ...structuredClone(group),
    IpPermissions: permissionsOf(state, group.GroupId!, false),
    IpPermissionsEgress: permissionsOf(state, group.GroupId!, true),
    ...(tags ? { Tags: tags } : {}),
  };
}
