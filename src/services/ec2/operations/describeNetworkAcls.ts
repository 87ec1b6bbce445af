import type { Handler } from "../context.js";
import type { NetworkAcl } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { aclView } from "../domain/networkAcls.js";
import { networkErrors } from "../domain/networkErrors.js";
import { paginate } from "../domain/pagination.js";

const FILTERS: FilterValues<NetworkAcl> = {
  "vpc-id": (a) => a.VpcId,
  "network-acl-id": (a) => a.NetworkAclId,
  default: (a) => a.IsDefault,
  "owner-id": (a) => a.OwnerId,
  "association.association-id": (a) => (a.Associations ?? []).map((x) => x.NetworkAclAssociationId),
  "association.network-acl-id": (a) => (a.Associations ?? []).map((x) => x.NetworkAclId),
  "association.subnet-id": (a) => (a.Associations ?? []).map((x) => x.SubnetId),
  "entry.cidr": (a) => (a.Entries ?? []).map((e) => e.CidrBlock),
  "entry.egress": (a) => (a.Entries ?? []).map((e) => e.Egress),
  "entry.protocol": (a) => (a.Entries ?? []).map((e) => e.Protocol),
  "entry.rule-action": (a) => (a.Entries ?? []).map((e) => e.RuleAction),
  "entry.rule-number": (a) => (a.Entries ?? []).map((e) => e.RuleNumber),
};

export const describeNetworkAcls: Handler<"DescribeNetworkAcls"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.NetworkAclIds ?? []) if (!state.networkAcls.has(id)) throw networkErrors.networkAclNotFound(id);
  const wanted = input.NetworkAclIds?.length ? new Set(input.NetworkAclIds) : undefined;
  const all = [...state.networkAcls.values()].filter((a) => !wanted || wanted.has(a.id)).map((a) => aclView(state, a));
  const picked = all.filter((a) => matchesFilters(a, state.tags.get(a.NetworkAclId!), input.Filters, FILTERS));
  const page = paginate(picked, input.MaxResults, input.NextToken);
  return { NetworkAcls: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
