// Elastic network interfaces: an instance's primary one, and the ones ECS creates for awsvpc tasks
// (through `createTaskInterface`, which the ECS side calls; EC2 itself knows nothing of tasks).
import type { Ec2State } from "../context.js";
import type { NetworkInterface } from "../generated/types.js";
import { AwsError } from "../../../protocol/errors.js";
import { releaseInterfaceAddresses } from "./addresses.js";
import { lendPublicIp } from "./publicAddresses.js";
import { ec2Id, macAddress } from "./ids.js";
import { findGroup, findSubnet, privateDnsName, releaseAddress, takeAddress } from "./network.js";
import { EMPTY, sharedData } from "../../../state/shared.js";

export interface NewInterface {
  subnetId: string;
  groupIds: string[];
  description: string;
  /** Set for an interface that an AWS service manages for the user (ECS tasks). */
  requesterManaged?: boolean;
  instanceId?: string;
  /** 0 for an instance's primary interface; ECS attaches a task's interface as the next device. */
  deviceIndex?: number;
  now: number;
  /** `interface` unless a service owns it (`natGateway`). */
  interfaceType?: NetworkInterface["InterfaceType"];
}

export function createInterface(state: Ec2State, n: NewInterface): NetworkInterface {
  const subnet = findSubnet(state, n.subnetId);
  const groups = n.groupIds.map((id) => findGroup(state, id));
  const ip = takeAddress(subnet);
  if (!ip) throw new AwsError("InsufficientFreeAddressesInSubnet", `There are not enough free addresses in subnet '${n.subnetId}' to satisfy the requested number of instances.`);
  const id = ec2Id(state.ids, "eni");
  const dns = privateDnsName(state.region, ip);
  // One literal, the attachment set after: a literal opening with a spread gave every interface a
  // hidden class of its own (about 500 bytes each: its map and descriptors).
  // Ids drawn in the order they always were (the attachment's before the MAC address): a seed makes the same ids.
  const attachmentId = n.instanceId ? ec2Id(state.ids, "eni-attach") : undefined;
  const eni: NetworkInterface = {
    AvailabilityZone: subnet.subnet.AvailabilityZone,
    AvailabilityZoneId: subnet.subnet.AvailabilityZoneId,
    Description: n.description,
    Groups: sharedData("ec2.groups", groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }))),
    InterfaceType: n.interfaceType ?? "interface",
    Ipv6Addresses: EMPTY,
    MacAddress: macAddress(state.ids),
    NetworkInterfaceId: id,
    OwnerId: state.accountId,
    PrivateDnsName: dns,
    PrivateIpAddress: ip,
    PrivateIpAddresses: [{ Primary: true, PrivateDnsName: dns, PrivateIpAddress: ip }],
    RequesterManaged: n.requesterManaged ?? false,
    SourceDestCheck: true,
    Status: "in-use",
    SubnetId: n.subnetId,
    VpcId: subnet.subnet.VpcId,
  };
  if (attachmentId) {
    eni.Attachment = { AttachTime: n.now, AttachmentId: attachmentId, DeleteOnTermination: (n.deviceIndex ?? 0) === 0, DeviceIndex: n.deviceIndex ?? 0, NetworkCardIndex: 0, InstanceId: n.instanceId, InstanceOwnerId: state.accountId, Status: "attached" };
  }
  state.networkInterfaces.set(id, eni);
  return eni;
}

export function deleteInterface(state: Ec2State, id: string): void {
  const eni = state.networkInterfaces.get(id);
  if (!eni) return;
  releaseInterfaceAddresses(state, id);
  state.networkInterfaces.delete(id);
  state.tags.delete(id);
  releaseAddress(state.subnets.get(eni.SubnetId ?? ""), eni.PrivateIpAddress);
}

export interface TaskInterface {
  networkInterfaceId: string;
  macAddress: string;
  privateIpv4Address: string;
  privateDnsName: string;
}

/**
 * The interface ECS attaches to an awsvpc task: in the task's first subnet, with its security groups
 * (the VPC's default group when none is named), described by the ECS attachment's ARN, attached to
 * the task's EC2 instance when it has one. A Fargate task that asks for a public address gets one;
 * on an instance it never does, as on AWS.
 */
export function createTaskInterface(state: Ec2State, subnetId: string, groupIds: string[], attachmentArn: string, now: number, instanceId?: string, publicIp = false): TaskInterface {
  const vpcId = findSubnet(state, subnetId).subnet.VpcId!;
  let groups = groupIds;
  if (!groups.length) {
    const fallback = [...state.securityGroups.values()].find((g) => g.VpcId === vpcId && g.GroupName === "default");
    groups = fallback ? [fallback.GroupId!] : [];
  }
  // On an EC2 instance the interface is attached to the task's host; on Fargate to nothing the user sees.
  const host = instanceId !== undefined && state.instances.get(instanceId)?.instance.State?.Name === "running" ? instanceId : undefined;
  const eni = createInterface(state, { subnetId, groupIds: groups, description: attachmentArn, requesterManaged: true, now, ...(host ? { instanceId: host, deviceIndex: 1 } : {}) });
  if (publicIp && instanceId === undefined) {
    state.autoPublicIp.add(eni.NetworkInterfaceId!);
    lendPublicIp(state, eni.NetworkInterfaceId!);
  }
  return { networkInterfaceId: eni.NetworkInterfaceId!, macAddress: eni.MacAddress!, privateIpv4Address: eni.PrivateIpAddress!, privateDnsName: eni.PrivateDnsName! };
}
