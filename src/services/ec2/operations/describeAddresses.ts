import type { Handler } from "../context.js";
import type { AddressRecord } from "../networkState.js";
import { addressView } from "../domain/addresses.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { networkErrors } from "../domain/networkErrors.js";

const FILTERS: FilterValues<AddressRecord> = {
  "allocation-id": (r) => r.address.AllocationId,
  "association-id": (r) => r.address.AssociationId,
  domain: (r) => r.address.Domain,
  "instance-id": (r) => r.address.InstanceId,
  "network-border-group": (r) => r.address.NetworkBorderGroup,
  "network-interface-id": (r) => r.address.NetworkInterfaceId,
  "network-interface-owner-id": (r) => r.address.NetworkInterfaceOwnerId,
  "private-ip-address": (r) => r.address.PrivateIpAddress,
  "public-ip": (r) => r.address.PublicIp,
  "public-ipv4-pool": (r) => r.address.PublicIpv4Pool,
};

export const describeAddresses: Handler<"DescribeAddresses"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  const all = [...state.addresses.values()];
  for (const id of input.AllocationIds ?? []) if (!state.addresses.has(id)) throw networkErrors.allocationNotFound(id);
  for (const ip of input.PublicIps ?? []) if (!all.some((r) => r.address.PublicIp === ip)) throw networkErrors.addressNotFound(ip);
  const ids = new Set(input.AllocationIds ?? []);
  const ips = new Set(input.PublicIps ?? []);
  const picked = all.filter(
    (r) => (!ids.size || ids.has(r.address.AllocationId!)) && (!ips.size || ips.has(r.address.PublicIp!)) && matchesFilters(r, state.tags.get(r.address.AllocationId!), input.Filters, FILTERS),
  );
  return { Addresses: picked.map((r) => addressView(state, r)) };
};
