import type { Handler, VpcRecord } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { paginate } from "../domain/pagination.js";
import { tagsOf } from "../domain/tags.js";

const FILTERS: FilterValues<VpcRecord> = {
  "vpc-id": (r) => r.vpc.VpcId,
  "cidr": (r) => r.vpc.CidrBlock,
  "cidr-block-association.cidr-block": (r) => r.vpc.CidrBlock,
  "cidr-block-association.state": (r) => r.vpc.CidrBlockAssociationSet?.[0]?.CidrBlockState?.State,
  "is-default": (r) => r.vpc.IsDefault,
  state: (r) => r.vpc.State,
  "owner-id": (r) => r.vpc.OwnerId,
  "dhcp-options-id": (r) => r.vpc.DhcpOptionsId,
};

export const describeVpcs: Handler<"DescribeVpcs"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.VpcIds ?? []) if (!state.vpcs.has(id)) throw ec2Errors.vpcNotFound(id);
  const wanted = input.VpcIds?.length ? new Set(input.VpcIds) : undefined;
  const all = [...state.vpcs.values()].filter((r) => (!wanted || wanted.has(r.vpc.VpcId!)) && matchesFilters(r, state.tags.get(r.vpc.VpcId!), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  return {
    Vpcs: page.items.map((r) => {
      const tags = tagsOf(state, r.vpc.VpcId!);
      return { ...structuredClone(r.vpc), ...(tags ? { Tags: tags } : {}) };
    }),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
