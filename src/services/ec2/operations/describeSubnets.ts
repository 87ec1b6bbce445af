import type { Handler, SubnetRecord } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { paginate } from "../domain/pagination.js";
import { tagsOf } from "../domain/tags.js";

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
  const wanted = input.SubnetIds?.length ? new Set(input.SubnetIds) : undefined;
  const all = [...state.subnets.values()].filter((r) => (!wanted || wanted.has(r.subnet.SubnetId!)) && matchesFilters(r, state.tags.get(r.subnet.SubnetId!), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  return {
    Subnets: page.items.map((r) => {
      const tags = tagsOf(state, r.subnet.SubnetId!);
      return { ...structuredClone(r.subnet), ...(tags ? { Tags: tags } : {}) };
    }),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
