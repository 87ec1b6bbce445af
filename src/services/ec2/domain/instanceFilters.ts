// The filters DescribeInstances knows.
import type { InstanceRecord } from "../context.js";
import { COMPUTE_INSTANCE_FILTERS } from "./computeInstanceFilters.js";
import type { FilterValues } from "./filters.js";

export const INSTANCE_FILTERS: FilterValues<InstanceRecord> = {
  ...COMPUTE_INSTANCE_FILTERS,
  "instance-id": (r) => r.instance.InstanceId,
  "instance-state-name": (r) => r.instance.State?.Name,
  "instance-state-code": (r) => r.instance.State?.Code,
  "instance-type": (r) => r.instance.InstanceType,
  "image-id": (r) => r.instance.ImageId,
  "vpc-id": (r) => r.instance.VpcId,
  "subnet-id": (r) => r.instance.SubnetId,
  "availability-zone": (r) => r.instance.Placement?.AvailabilityZone,
  "private-ip-address": (r) => r.instance.PrivateIpAddress,
  "private-dns-name": (r) => r.instance.PrivateDnsName,
  "ip-address": (r) => r.instance.PublicIpAddress,
  "dns-name": (r) => r.instance.PublicDnsName || undefined,
  "reservation-id": (r) => r.reservationId,
  "key-name": (r) => r.instance.KeyName,
  architecture: (r) => r.instance.Architecture,
  "owner-id": () => undefined,
  "instance.group-id": (r) => (r.instance.SecurityGroups ?? []).map((g) => g.GroupId),
  "instance.group-name": (r) => (r.instance.SecurityGroups ?? []).map((g) => g.GroupName),
  "group-id": (r) => (r.instance.SecurityGroups ?? []).map((g) => g.GroupId),
  "group-name": (r) => (r.instance.SecurityGroups ?? []).map((g) => g.GroupName),
  "network-interface.network-interface-id": (r) => (r.instance.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId),
  "launch-time": (r) => (r.instance.LaunchTime !== undefined ? new Date(r.instance.LaunchTime * 1000).toISOString() : undefined),
};
