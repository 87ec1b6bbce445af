import type { Handler, VpcRecord } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";

const FILTERS: FilterValues<VpcRecord> = {
  "vpc-id": (r) => r.vpc.VpcId,
  "cidr": (r) => r.vpc.CidrBlock,
  "cidr-block-association.cidr-block": (r) => r.vpc.CidrBlock,
  "cidr-block-association.state": (r) => r.vpc.CidrBlockAssociationSet?.[0]?.CidrBlockState?.State,
  "is-default": (r) => r.vpc.IsDefault,
  // The older spelling Ansible's ec2_instance sends to find the default VPC, which EC2 still accepts.
  isDefault: (r) => r.vpc.IsDefault,
  state: (r) => r.vpc.State,
  "owner-id": (r) => r.vpc.OwnerId,
  "dhcp-options-id": (r) => r.vpc.DhcpOptionsId,
};

export const describeVpcs: Handler<"DescribeVpcs"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.VpcIds ?? []) if (!state.vpcs.has(id)) throw ec2Errors.vpcNotFound(id);
  const ids = input.VpcIds?.length ? new Set(input.VpcIds) : undefined;
  const page = describePage(state, state.vpcs.values(), (r) => r.vpc.VpcId!, (r) => r.vpc, { ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return {
    Vpcs: page.items,
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
