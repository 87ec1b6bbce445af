import type { Handler } from "../context.js";
import type { IpPermission, SecurityGroup } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";
import { defaultVpc, groupByName } from "../domain/network.js";
import { groupView } from "../domain/sgRules.js";

/** The `ip-permission.*` filters, and their `egress.` twins, over a group's permissions. */
function permissionFilters(prefix: string, of: (g: SecurityGroup) => IpPermission[]): FilterValues<SecurityGroup> {
  const each = <T>(g: SecurityGroup, f: (p: IpPermission) => T[]) => of(g).flatMap(f);
  return {
    [`${prefix}protocol`]: (g) => each(g, (p) => [p.IpProtocol]),
    [`${prefix}from-port`]: (g) => each(g, (p) => [p.FromPort]),
    [`${prefix}to-port`]: (g) => each(g, (p) => [p.ToPort]),
    [`${prefix}cidr`]: (g) => each(g, (p) => (p.IpRanges ?? []).map((r) => r.CidrIp)),
    [`${prefix}ipv6-cidr`]: (g) => each(g, (p) => (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)),
    [`${prefix}prefix-list-id`]: (g) => each(g, (p) => (p.PrefixListIds ?? []).map((r) => r.PrefixListId)),
    [`${prefix}group-id`]: (g) => each(g, (p) => (p.UserIdGroupPairs ?? []).map((u) => u.GroupId)),
    [`${prefix}user-id`]: (g) => each(g, (p) => (p.UserIdGroupPairs ?? []).map((u) => u.UserId)),
  };
}

const FILTERS: FilterValues<SecurityGroup> = {
  "group-id": (g) => g.GroupId,
  "group-name": (g) => g.GroupName,
  "vpc-id": (g) => g.VpcId,
  description: (g) => g.Description,
  "owner-id": (g) => g.OwnerId,
  ...permissionFilters("ip-permission.", (g) => g.IpPermissions ?? []),
  ...permissionFilters("egress.ip-permission.", (g) => g.IpPermissionsEgress ?? []),
};

export const describeSecurityGroups: Handler<"DescribeSecurityGroups"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.GroupIds ?? []) if (!state.securityGroups.has(id)) throw ec2Errors.groupNotFound(id);
  // Names are looked up in the default VPC, as EC2 does for GroupNames.
  const byName: string[] = [];
  if (input.GroupNames?.length) {
    const vpc = defaultVpc(state);
    for (const name of input.GroupNames) {
      const g = vpc && groupByName(state, vpc.vpc.VpcId!, name);
      if (!g) throw ec2Errors.groupNameNotFoundInDefaultVpc(name, vpc?.vpc.VpcId ?? "");
      byName.push(g.GroupId!);
    }
  }
  const ids = input.GroupIds?.length || byName.length ? new Set([...(input.GroupIds ?? []), ...byName]) : undefined;
  const views = [...state.securityGroups.values()].filter((g) => !ids || ids.has(g.GroupId!)).map((g) => groupView(state, g));
  const page = describePage(state, views, (g) => g.GroupId!, (g) => g, { filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return {
    SecurityGroups: page.items,
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
