// Adding and revoking security group rules, all or nothing: a duplicate or an unknown rule refuses
// the whole request before any rule changes.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import type { IpPermission, RevokedSecurityGroupRule, SecurityGroup, SecurityGroupRule, TagSpecification } from "../generated/types.js";
import { ec2Errors } from "./errors.js";
import { networkErrors } from "./networkErrors.js";
import { duplicateText, requestPermissions, rulesOf, type FlatRule } from "./sgRuleInput.js";
import { addRule, findSameRule, groupRules, removeRule, ruleView, sameRule, type RuleSpec } from "./sgRules.js";
import { checkTagSpecifications, putTags, tagsFor } from "./tags.js";

export interface AuthorizeRequest extends FlatRule {
  IpPermissions?: IpPermission[];
  TagSpecifications?: TagSpecification[];
}

export function authorize(state: Ec2State, group: SecurityGroup, egress: boolean, input: AuthorizeRequest): SecurityGroupRule[] {
  checkTagSpecifications(input.TagSpecifications, ["security-group-rule"]);
  const specs = rulesOf(state, group, egress, requestPermissions(input.IpPermissions, input));
  specs.forEach((spec, i) => {
    if (findSameRule(state, spec) || specs.slice(0, i).some((s) => sameRule(s, spec))) {
      const t = duplicateText(spec);
      throw networkErrors.duplicateRule(t.peer, t.rule);
    }
  });
  const tags = tagsFor(input.TagSpecifications, "security-group-rule");
  return specs.map((spec) => {
    const rule = addRule(state, spec);
    putTags(state, rule.SecurityGroupRuleId!, tags);
    return ruleView(state, rule);
  });
}

export interface RevokeRequest extends FlatRule {
  IpPermissions?: IpPermission[];
  SecurityGroupRuleIds?: string[];
}

export interface RevokeResult {
  revoked: RevokedSecurityGroupRule[];
  /** Permissions that matched no rule: answered, not refused, in the default VPC only. */
  unknown: IpPermission[];
}

function revokedView(rule: SecurityGroupRule): RevokedSecurityGroupRule {
  return {
    SecurityGroupRuleId: rule.SecurityGroupRuleId,
    GroupId: rule.GroupId,
    IsEgress: rule.IsEgress,
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort,
    ToPort: rule.ToPort,
    ...(rule.CidrIpv4 !== undefined ? { CidrIpv4: rule.CidrIpv4 } : {}),
    ...(rule.CidrIpv6 !== undefined ? { CidrIpv6: rule.CidrIpv6 } : {}),
    ...(rule.PrefixListId !== undefined ? { PrefixListId: rule.PrefixListId } : {}),
    ...(rule.ReferencedGroupInfo ? { ReferencedGroupId: rule.ReferencedGroupInfo.GroupId } : {}),
    ...(rule.Description !== undefined ? { Description: rule.Description } : {}),
  };
}

/** The permission a rule the request named came from, for UnknownIpPermissions. */
function asPermission(spec: RuleSpec): IpPermission {
  return {
    IpProtocol: spec.IpProtocol,
    ...(spec.FromPort !== -1 || spec.ToPort !== -1 ? { FromPort: spec.FromPort, ToPort: spec.ToPort } : {}),
    IpRanges: spec.CidrIpv4 !== undefined ? [{ CidrIp: spec.CidrIpv4 }] : [],
    Ipv6Ranges: spec.CidrIpv6 !== undefined ? [{ CidrIpv6: spec.CidrIpv6 }] : [],
    PrefixListIds: spec.PrefixListId !== undefined ? [{ PrefixListId: spec.PrefixListId }] : [],
    UserIdGroupPairs: spec.ReferencedGroupInfo ? [{ GroupId: spec.ReferencedGroupInfo.GroupId, UserId: spec.ReferencedGroupInfo.UserId }] : [],
  };
}

/**
 * Revokes rules named by id or by permission. An unknown rule id refuses the request; a permission
 * that matches no rule refuses it in a nondefault VPC and is answered in UnknownIpPermissions in the
 * default VPC, as the model's documentation says.
 */
export function revoke(state: Ec2State, group: SecurityGroup, egress: boolean, input: RevokeRequest, inDefaultVpc: boolean): RevokeResult {
  if (input.SecurityGroupRuleIds?.length && input.IpPermissions?.length) {
    throw ec2Errors.combination("The parameter SecurityGroupRuleIds cannot be used with the parameter IpPermissions");
  }
  let matched: SecurityGroupRule[];
  const unknown: IpPermission[] = [];
  if (input.SecurityGroupRuleIds?.length) {
    const own = new Map(groupRules(state, group.GroupId!, egress).map((r) => [r.SecurityGroupRuleId!, r]));
    matched = input.SecurityGroupRuleIds.map((id) => {
      const r = own.get(id);
      if (!r) throw networkErrors.ruleNotFound(id);
      return r;
    });
  } else {
    matched = [];
    for (const spec of rulesOf(state, group, egress, requestPermissions(input.IpPermissions, input))) {
      const r = findSameRule(state, spec);
      if (r) matched.push(r);
      else if (inDefaultVpc) unknown.push(asPermission(spec));
      else throw networkErrors.permissionNotFound();
    }
  }
  const revoked = [...new Map(matched.map((r) => [r.SecurityGroupRuleId!, r])).values()];
  for (const r of revoked) removeRule(state, r.SecurityGroupRuleId!);
  return { revoked: revoked.map(revokedView), unknown };
}

/** Sets the descriptions of rules named by id, or by permission (the description each carries). */
export function updateDescriptions(state: Ec2State, group: SecurityGroup, egress: boolean, permissions: IpPermission[] | undefined, byId: { SecurityGroupRuleId?: string; Description?: string }[] | undefined): void {
  const changes: [SecurityGroupRule, string | undefined][] = [];
  if (byId?.length) {
    const own = new Map(groupRules(state, group.GroupId!, egress).map((r) => [r.SecurityGroupRuleId!, r]));
    for (const d of byId) {
      const r = own.get(d.SecurityGroupRuleId ?? "");
      if (!r) throw networkErrors.ruleNotFound(d.SecurityGroupRuleId ?? "");
      changes.push([r, d.Description]);
    }
  } else {
    if (!permissions?.length) throw new AwsError("MissingParameter", "The request must contain the parameter ipPermissions");
    for (const spec of rulesOf(state, group, egress, permissions)) {
      const r = findSameRule(state, spec);
      if (!r) throw networkErrors.permissionNotFound();
      changes.push([r, spec.Description]);
    }
  }
  for (const [r, description] of changes) {
    if (description === undefined || description === "") delete r.Description;
    else r.Description = description;
  }
}
