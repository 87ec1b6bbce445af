// Where a launch's instances go: the subnet (given, the primary interface's, or the zone's default)
// and the security groups (ids, names, the interface's, or the VPC's default), refused as EC2 refuses.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import type { GroupIdentifier, InstanceNetworkInterfaceSpecification, RunInstancesRequest } from "../generated/types.js";
import { ec2Errors } from "./errors.js";
import { findGroup, findSubnet, groupByName } from "./network.js";

export function primaryInterface(input: RunInstancesRequest): InstanceNetworkInterfaceSpecification | undefined {
  return input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
}

/** Interfaces carry their own subnet and groups: an instance-level one beside them is refused. */
export function checkInterfaceCombination(input: RunInstancesRequest): void {
  if (!input.NetworkInterfaces?.length) return;
  if (input.SubnetId !== undefined) throw ec2Errors.combination("Network interfaces and an instance-level subnet ID may not be specified on the same request");
  if (input.SecurityGroupIds?.length || input.SecurityGroups?.length) throw ec2Errors.combination("Network interfaces and an instance-level security groups may not be specified on the same request");
}

export function subnetFor(state: Ec2State, input: RunInstancesRequest): string {
  const given = input.SubnetId ?? primaryInterface(input)?.SubnetId;
  if (given !== undefined) return findSubnet(state, given).subnet.SubnetId!;
  const zone = input.Placement?.AvailabilityZone;
  const defaults = [...state.subnets.values()].filter((s) => s.subnet.DefaultForAz);
  const pick = zone !== undefined ? defaults.find((s) => s.subnet.AvailabilityZone === zone) : defaults[0];
  if (!pick) {
    if (zone !== undefined) throw ec2Errors.invalidParameter(`Invalid availability zone: [${zone}]`);
    throw new AwsError("MissingInput", "No subnets found for the default VPC. Please specify a subnet.");
  }
  return pick.subnet.SubnetId!;
}

export function groupsFor(state: Ec2State, input: RunInstancesRequest, vpcId: string): GroupIdentifier[] {
  const ids = [...(input.SecurityGroupIds ?? []), ...(primaryInterface(input)?.Groups ?? [])];
  const out: GroupIdentifier[] = [];
  for (const id of ids) {
    const g = state.securityGroups.get(id);
    if (!g || g.VpcId !== vpcId) throw ec2Errors.groupNotFoundInVpc(id, vpcId);
    if (!out.some((o) => o.GroupId === g.GroupId)) out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  for (const name of input.SecurityGroups ?? []) {
    const g = groupByName(state, vpcId, name);
    if (!g) throw ec2Errors.groupNotFoundInVpc(name, vpcId);
    if (!out.some((o) => o.GroupId === g.GroupId)) out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  if (!out.length) {
    const g = groupByName(state, vpcId, "default") ?? findGroup(state, "");
    out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  return out;
}

export function checkUserData(data: string | undefined): void {
  if (data === undefined) return;
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) throw ec2Errors.invalidParameter("Invalid BASE64 encoding of user data");
  if (Buffer.from(data, "base64").length > 16384) throw ec2Errors.invalidParameter("User data is limited to 16384 bytes");
}
