import type { Handler } from "../context.js";
import type { SecurityGroup } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";
import { defaultVpc, groupByName } from "../domain/network.js";

const FILTERS: FilterValues<SecurityGroup> = {
  "group-id": (g) => g.GroupId,
  "group-name": (g) => g.GroupName,
  "vpc-id": (g) => g.VpcId,
  description: (g) => g.Description,
  "owner-id": (g) => g.OwnerId,
  "ip-permission.protocol": (g) => (g.IpPermissions ?? []).map((p) => p.IpProtocol),
  "ip-permission.from-port": (g) => (g.IpPermissions ?? []).map((p) => p.FromPort),
  "ip-permission.to-port": (g) => (g.IpPermissions ?? []).map((p) => p.ToPort),
  "ip-permission.cidr": (g) => (g.IpPermissions ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => r.CidrIp)),
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
  const page = describePage(state, state.securityGroups.values(), (g) => g.GroupId!, (g) => g, { ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return {
    SecurityGroups: page.items,
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
