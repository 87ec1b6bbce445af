import type { Handler, SubnetRecord } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";

const FILTERS: FilterValues<SubnetRecord> = {
  "subnet-id": (r) => r.subnet.SubnetId,
  "vpc-id": (r) => r.subnet.VpcId,
  "availability-zone": (r) => r.subnet.AvailabilityZone,
  "availability-zone-id": (r) => r.subnet.AvailabilityZoneId,
  "cidr-block": (r) => r.subnet.CidrBlock,
  cidr: (r) => r.subnet.CidrBlock,
  cidrBlock: (r) => r.subnet.CidrBlock,
  "default-for-az": (r) => r.subnet.DefaultForAz,
  defaultForAz: (r) => r.subnet.DefaultForAz,
  "map-public-ip-on-launch": (r) => r.subnet.MapPublicIpOnLaunch,
  "available-ip-address-count": (r) => r.subnet.AvailableIpAddressCount,
  state: (r) => r.subnet.State,
  "owner-id": (r) => r.subnet.OwnerId,
  "subnet-arn": (r) => r.subnet.SubnetArn,
};

export const describeSubnets: Handler<"DescribeSubnets"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.SubnetIds ?? []) if (!state.subnets.has(id)) throw ec2Errors.subnetNotFound(id);
  const ids = input.SubnetIds?.length ? new Set(input.SubnetIds) : undefined;
  const page = describePage(state, state.subnets.values(), (r) => r.subnet.SubnetId!, (r) => r.subnet, { ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return {
    Subnets: page.items,
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
