import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State, Handler, InstanceRecord } from "../context.js";
import type { GroupIdentifier, Instance, RunInstancesRequest } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { describeInstance, instanceState, setState } from "../domain/instances.js";
import { instanceTypeInfo, knownInstanceTypes } from "../domain/instanceTypes.js";
import { createInterface } from "../domain/interfaces.js";
import { findGroup, findSubnet, groupByName } from "../domain/network.js";
import { mapPublicIpAtLaunch } from "../domain/publicAddresses.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

/** EC2's default when RunInstances names no type. */
const DEFAULT_TYPE = "m1.small";

function subnetFor(state: Ec2State, input: RunInstancesRequest): string {
  const nic = input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const given = input.SubnetId ?? nic?.SubnetId;
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

function groupsFor(state: Ec2State, input: RunInstancesRequest, vpcId: string): GroupIdentifier[] {
  const nic = input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const ids = [...(input.SecurityGroupIds ?? []), ...(nic?.Groups ?? [])];
  const out: GroupIdentifier[] = [];
  for (const id of ids) {
    const g = state.securityGroups.get(id);
    if (!g || g.VpcId !== vpcId) throw ec2Errors.groupNotFoundInVpc(id, vpcId);
    out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  for (const name of input.SecurityGroups ?? []) {
    const g = groupByName(state, vpcId, name);
    if (!g) throw ec2Errors.groupNotFoundInVpc(name, vpcId);
    out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  if (!out.length) {
    const g = groupByName(state, vpcId, "default") ?? findGroup(state, "");
    out.push({ GroupId: g.GroupId, GroupName: g.GroupName });
  }
  return out;
}

function checkUserData(data: string | undefined): void {
  if (data === undefined) return;
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) throw ec2Errors.invalidParameter("Invalid BASE64 encoding of user data");
  if (Buffer.from(data, "base64").length > 16384) throw ec2Errors.invalidParameter("User data is limited to 16384 bytes");
}

export const runInstances: Handler<"RunInstances"> = (input, ctx) => {
  const { state, backend } = ctx;
  if (input.MinCount < 1) throw ec2Errors.invalidParameter(`Value (${input.MinCount}) for parameter minCount is invalid. Expected a positive integer.`);
  if (input.MaxCount < 1) throw ec2Errors.invalidParameter(`Value (${input.MaxCount}) for parameter maxCount is invalid. Expected a positive integer.`);
  if (input.MinCount > input.MaxCount) throw ec2Errors.invalidParameter(`Value (${input.MinCount}) for parameter minCount is invalid. Must be less than or equal to maxCount.`);
  if (input.ImageId === undefined) throw new AwsError("MissingParameter", "The request must contain the parameter ImageId");
  if (!/^ami-[0-9a-f]{8,17}$/.test(input.ImageId)) throw new AwsError("InvalidAMIID.Malformed", `Invalid id: "${input.ImageId}" (expecting "ami-...")`);
  const type = input.InstanceType ?? DEFAULT_TYPE;
  const info = instanceTypeInfo(type);
  if (!info) throw new AwsError("Unsupported", `ecs-local does not know the instance type ${type}; it knows ${knownInstanceTypes().join(", ")}.`);
  checkUserData(input.UserData);
  checkTagSpecifications(input.TagSpecifications, ["instance", "volume", "network-interface"]);
  const subnetId = subnetFor(state, input);
  const subnet = state.subnets.get(subnetId)!;
  const vpcId = subnet.subnet.VpcId!;
  const groups = groupsFor(state, input, vpcId);
  const count = input.MaxCount;
  // Addresses for the largest count that fits, at least MinCount.
  const free = subnet.subnet.AvailableIpAddressCount ?? 0;
  if (free < input.MinCount) throw new AwsError("InsufficientFreeAddressesInSubnet", `There are not enough free addresses in subnet '${subnetId}' to satisfy the requested number of instances.`);
  const launched = Math.min(count, free);

  const now = ctx.now();
  const reservationId = ec2Id(state.ids, "r");
  const tags = tagsFor(input.TagSpecifications, "instance");
  const records: InstanceRecord[] = [];
  for (let i = 0; i < launched; i++) {
    const id = ec2Id(state.ids, "i");
    const eni = createInterface(state, { subnetId, groupIds: groups.map((g) => g.GroupId!), description: "", instanceId: id, now });
    putTags(state, eni.NetworkInterfaceId!, tagsFor(input.TagSpecifications, "network-interface"));
    const instance: Instance = {
      InstanceId: id,
      ImageId: input.ImageId,
      State: instanceState("pending"),
      PrivateDnsName: eni.PrivateDnsName,
      PublicDnsName: "",
      StateTransitionReason: "",
      ...(input.KeyName !== undefined ? { KeyName: input.KeyName } : {}),
      AmiLaunchIndex: i,
      ProductCodes: [],
      InstanceType: type as Instance["InstanceType"],
      LaunchTime: now,
      Placement: { AvailabilityZone: subnet.subnet.AvailabilityZone, AvailabilityZoneId: subnet.subnet.AvailabilityZoneId, GroupName: "", Tenancy: input.Placement?.Tenancy ?? "default" },
      Monitoring: { State: input.Monitoring?.Enabled ? "pending" : "disabled" },
      SubnetId: subnetId,
      VpcId: vpcId,
      PrivateIpAddress: eni.PrivateIpAddress,
      Architecture: info.architecture,
      BlockDeviceMappings: [],
      ClientToken: input.ClientToken ?? "",
      EbsOptimized: input.EbsOptimized ?? false,
      EnaSupport: true,
      Hypervisor: "xen",
      ...(input.IamInstanceProfile ? { IamInstanceProfile: { Arn: input.IamInstanceProfile.Arn ?? `arn:aws:iam::${state.accountId}:instance-profile/${input.IamInstanceProfile.Name}`, Id: ec2Id(state.ids, "AIPA").replace("-", "").toUpperCase() } } : {}),
      NetworkInterfaces: [
        {
          Attachment: { AttachTime: now, AttachmentId: eni.Attachment!.AttachmentId, DeleteOnTermination: true, DeviceIndex: 0, Status: "attaching", NetworkCardIndex: 0 },
          Description: "",
          Groups: groups,
          Ipv6Addresses: [],
          MacAddress: eni.MacAddress,
          NetworkInterfaceId: eni.NetworkInterfaceId,
          OwnerId: state.accountId,
          PrivateDnsName: eni.PrivateDnsName,
          PrivateIpAddress: eni.PrivateIpAddress,
          PrivateIpAddresses: [{ Primary: true, PrivateDnsName: eni.PrivateDnsName, PrivateIpAddress: eni.PrivateIpAddress }],
          SourceDestCheck: true,
          Status: "in-use",
          SubnetId: subnetId,
          VpcId: vpcId,
          InterfaceType: "interface",
        },
      ],
      RootDeviceName: "/dev/xvda",
      RootDeviceType: "ebs",
      SecurityGroups: groups,
      SourceDestCheck: true,
      VirtualizationType: "hvm",
      CpuOptions: { CoreCount: Math.max(1, Math.floor(info.vcpus / (info.vcpus > 1 && info.architecture === "x86_64" ? 2 : 1))), ThreadsPerCore: info.vcpus > 1 && info.architecture === "x86_64" ? 2 : 1 },
    };
    putTags(state, id, tags);
    const rec: InstanceRecord = { instance, reservationId, ...(input.UserData !== undefined ? { userData: input.UserData } : {}) };
    state.instances.set(id, rec);
    records.push(rec);
  }
  const answer = structuredClone(records.map((r) => describeInstance(state, r)));
  // The answer shows them pending; the clock takes them to running.
  for (const rec of records) {
    const timer = backend.timeline.after(backend.config.timings.instancePendingMs, () => {
      if (rec.instance.State?.Name === "pending") setState(backend, state, rec, "running");
    });
    rec.timer = timer;
    rec.instance.NetworkInterfaces![0].Attachment!.Status = "attached";
    mapPublicIpAtLaunch(state, rec, input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0)?.AssociatePublicIpAddress);
  }
  return { ReservationId: reservationId, OwnerId: state.accountId, Groups: [], Instances: answer };
};
