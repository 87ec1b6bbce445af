// One instance of a planned launch, as DescribeInstances shows it: its primary interface, its
// volumes, and what it takes from its image, type, template and request (its public address comes
// after, from publicAddresses.ts).
import type { Ec2State, InstanceRecord } from "../context.js";
import type { Instance, InstanceNetworkInterface, NetworkInterface } from "../generated/types.js";
import { ec2Id } from "./ids.js";
import { indexInstance } from "./instanceIndex.js";
import { instanceState } from "./instances.js";
import { createInterface } from "./interfaces.js";
import type { LaunchPlan } from "./launchPlan.js";
import { createVolumes } from "./volumes.js";
import { EMPTY, shared, sharedData, sharedText } from "../../../state/shared.js";

// What many instances hold alike is one frozen object (src/state/shared.ts): every change to an
// instance replaces these, never edits them.
const CAPACITY_OPEN = Object.freeze({ CapacityReservationPreference: "open" }) as Instance["CapacityReservationSpecification"];
const DNS_IP_NAME = Object.freeze({ HostnameType: "ip-name", EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false }) as Instance["PrivateDnsNameOptions"];
const flag = (on: boolean | undefined) => shared(`ec2.enabled.${on ?? false}`, () => ({ Enabled: on ?? false }));

function cpuOptions(plan: LaunchPlan): Instance["CpuOptions"] {
  const threads = plan.info.vcpus > 1 && plan.info.architecture === "x86_64" ? 2 : 1;
  return sharedData("ec2.cpu", { CoreCount: Math.max(1, Math.floor(plan.info.vcpus / threads)), ThreadsPerCore: threads });
}

function interfaceView(state: Ec2State, plan: LaunchPlan, eni: NetworkInterface, now: number): InstanceNetworkInterface {
  const nic = plan.request.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  return {
    Attachment: { AttachTime: now, AttachmentId: eni.Attachment!.AttachmentId, DeleteOnTermination: nic?.DeleteOnTermination ?? true, DeviceIndex: 0, Status: "attaching", NetworkCardIndex: 0 },
    Description: eni.Description,
    Groups: sharedData("ec2.groups", plan.groups),
    Ipv6Addresses: EMPTY,
    MacAddress: eni.MacAddress,
    NetworkInterfaceId: eni.NetworkInterfaceId,
    OwnerId: state.accountId,
    PrivateDnsName: eni.PrivateDnsName,
    PrivateIpAddress: eni.PrivateIpAddress,
    PrivateIpAddresses: [{ Primary: true, PrivateDnsName: eni.PrivateDnsName, PrivateIpAddress: eni.PrivateIpAddress }],
    SourceDestCheck: true,
    Status: "in-use",
    SubnetId: plan.subnetId,
    VpcId: plan.vpcId,
    InterfaceType: "interface",
  };
}

function imageFacts(plan: LaunchPlan): Partial<Instance> {
  const image = plan.image?.image;
  const x86 = plan.info.architecture === "x86_64";
  return {
    Architecture: plan.info.architecture,
    PlatformDetails: image?.PlatformDetails ?? "Linux/UNIX",
    UsageOperation: image?.UsageOperation ?? "RunInstances",
    ...(image?.Platform ? { Platform: image.Platform } : {}),
    ...(image?.BootMode ? { BootMode: image.BootMode } : {}),
    CurrentInstanceBootMode: !x86 || image?.BootMode === "uefi" ? "uefi" : "legacy-bios",
  };
}

/** Creates instance `index` of the launch (its interface and volumes included) and keeps it. */
export function buildInstance(state: Ec2State, plan: LaunchPlan, index: number, reservationId: string, now: number): InstanceRecord {
  const id = ec2Id(state.ids, "i");
  const subnet = state.subnets.get(plan.subnetId)!.subnet;
  const nic = plan.request.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const eni = createInterface(state, { subnetId: plan.subnetId, groupIds: plan.groups.map((g) => g.GroupId!), description: nic?.Description ?? "", instanceId: id, now });
  const blockDevices = createVolumes(state, plan.devices.volumes, { instanceId: id, zone: subnet.AvailabilityZone!, zoneId: subnet.AvailabilityZoneId!, now });
  const r = plan.request;
  const instance: Instance = {
    InstanceId: id,
    // The image's own text: the request's is a slice of the whole request body, kept alive by it.
    ImageId: sharedText(plan.imageId),
    State: instanceState("pending"),
    PrivateDnsName: eni.PrivateDnsName,
    PublicDnsName: "",
    StateTransitionReason: "",
    ...(r.KeyName !== undefined ? { KeyName: r.KeyName } : {}),
    AmiLaunchIndex: index,
    ProductCodes: EMPTY,
    InstanceType: plan.type as Instance["InstanceType"],
    LaunchTime: now,
    Placement: sharedData("ec2.placement", { AvailabilityZone: subnet.AvailabilityZone, AvailabilityZoneId: subnet.AvailabilityZoneId, GroupName: r.Placement?.GroupName ?? "", Tenancy: r.Placement?.Tenancy ?? "default" }),
    Monitoring: sharedData("ec2.monitoring", { State: r.Monitoring?.Enabled ? "pending" : "disabled" }),
    SubnetId: plan.subnetId,
    VpcId: plan.vpcId,
    PrivateIpAddress: eni.PrivateIpAddress,
    BlockDeviceMappings: blockDevices,
    ClientToken: r.ClientToken ?? "",
    EbsOptimized: r.EbsOptimized ?? false,
    EnaSupport: true,
    Hypervisor: "xen",
    ...(plan.profile ? { IamInstanceProfile: { ...plan.profile } } : {}),
    NetworkInterfaces: [interfaceView(state, plan, eni, now)],
    RootDeviceName: plan.devices.rootDeviceName,
    RootDeviceType: "ebs",
    SecurityGroups: sharedData("ec2.groups", plan.groups),
    SourceDestCheck: true,
    VirtualizationType: "hvm",
    CpuOptions: cpuOptions(plan),
    CapacityReservationSpecification: CAPACITY_OPEN,
    HibernationOptions: sharedData("ec2.hibernation", { Configured: r.HibernationOptions?.Configured ?? false }),
    MetadataOptions: sharedData("ec2.metadata", plan.metadata),
    EnclaveOptions: flag(r.EnclaveOptions?.Enabled),
    UsageOperationUpdateTime: now,
    PrivateDnsNameOptions: DNS_IP_NAME,
    MaintenanceOptions: sharedData("ec2.maintenance", { AutoRecovery: r.MaintenanceOptions?.AutoRecovery ?? "default" }),
    ...imageFacts(plan),
  };
  const rec: InstanceRecord = { instance, reservationId, ...(r.UserData !== undefined ? { userData: r.UserData } : {}), settings: sharedData("ec2.settings", plan.settings) };
  state.instances.set(id, rec);
  indexInstance(state, rec);
  return rec;
}
