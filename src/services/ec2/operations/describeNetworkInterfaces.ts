import type { Handler } from "../context.js";
import type { NetworkInterface } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { paginate } from "../domain/pagination.js";
import { tagsOf } from "../domain/tags.js";

const FILTERS: FilterValues<NetworkInterface> = {
  "network-interface-id": (n) => n.NetworkInterfaceId,
  "subnet-id": (n) => n.SubnetId,
  "vpc-id": (n) => n.VpcId,
  "availability-zone": (n) => n.AvailabilityZone,
  description: (n) => n.Description,
  status: (n) => n.Status,
  "private-ip-address": (n) => n.PrivateIpAddress,
  "addresses.private-ip-address": (n) => (n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress),
  "mac-address": (n) => n.MacAddress,
  "group-id": (n) => (n.Groups ?? []).map((g) => g.GroupId),
  "group-name": (n) => (n.Groups ?? []).map((g) => g.GroupName),
  "attachment.instance-id": (n) => n.Attachment?.InstanceId,
  "attachment.status": (n) => n.Attachment?.Status,
  "requester-managed": (n) => n.RequesterManaged,
  "interface-type": (n) => n.InterfaceType,
  "owner-id": (n) => n.OwnerId,
  "association.public-ip": (n) => n.Association?.PublicIp,
  "association.allocation-id": (n) => n.Association?.AllocationId,
  "association.association-id": (n) => n.Association?.AssociationId,
  "association.ip-owner-id": (n) => n.Association?.IpOwnerId,
};

export const describeNetworkInterfaces: Handler<"DescribeNetworkInterfaces"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  if (input.NetworkInterfaceIds?.length && input.MaxResults !== undefined) throw ec2Errors.combination("The parameter NetworkInterfaceIds cannot be used with the parameter maxResults");
  for (const id of input.NetworkInterfaceIds ?? []) if (!state.networkInterfaces.has(id)) throw ec2Errors.interfaceNotFound(id);
  const wanted = input.NetworkInterfaceIds?.length ? new Set(input.NetworkInterfaceIds) : undefined;
  const all = [...state.networkInterfaces.values()].filter((n) => (!wanted || wanted.has(n.NetworkInterfaceId!)) && matchesFilters(n, state.tags.get(n.NetworkInterfaceId!), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  return {
    NetworkInterfaces: page.items.map((n) => ({ ...structuredClone(n), TagSet: tagsOf(state, n.NetworkInterfaceId!) ?? [] })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
