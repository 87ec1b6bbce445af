import type { Handler } from "../context.js";
import type { SecurityGroup } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { defaultVpc, groupByName } from "../domain/network.js";
import { paginate } from "../domain/pagination.js";
import { tagsOf } from "../domain/tags.js";

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
  const all = [...state.securityGroups.values()].filter((g) => (!ids || ids.has(g.GroupId!)) && matchesFilters(g, state.tags.get(g.GroupId!), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  return {
    SecurityGroups: page.items.map((g) => {
      const tags = tagsOf(state, g.GroupId!);
      return { ...structuredClone(g), ...(tags ? { Tags: tags } : {}) };
    }),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
