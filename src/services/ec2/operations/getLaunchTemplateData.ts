import type { Handler } from "../context.js";
import type { ResponseLaunchTemplateData } from "../generated/types.js";
import { findInstances } from "../domain/instanceIds.js";
import { tagsOf } from "../domain/tags.js";

/** An instance's configuration as launch template data, to base a template on. */
export const getLaunchTemplateData: Handler<"GetLaunchTemplateData"> = (input, ctx) => {
  const { state } = ctx;
  const [rec] = findInstances(state, [input.InstanceId]);
  const i = rec.instance;
  const s = rec.settings;
  const tags = (tagsOf(state, i.InstanceId!) ?? []).filter((t) => !t.Key!.startsWith("aws:"));
  const { State, ...metadata } = i.MetadataOptions ?? {};
  void State;
  const data: ResponseLaunchTemplateData = {
    ImageId: i.ImageId,
    InstanceType: i.InstanceType,
    ...(i.KeyName !== undefined ? { KeyName: i.KeyName } : {}),
    Monitoring: { Enabled: i.Monitoring?.State === "enabled" || i.Monitoring?.State === "pending" },
    Placement: { AvailabilityZone: i.Placement?.AvailabilityZone, GroupName: i.Placement?.GroupName ?? "", Tenancy: i.Placement?.Tenancy },
    EbsOptimized: i.EbsOptimized,
    BlockDeviceMappings: (i.BlockDeviceMappings ?? []).map((m) => ({ DeviceName: m.DeviceName, Ebs: { DeleteOnTermination: m.Ebs?.DeleteOnTermination } })),
    NetworkInterfaces: (i.NetworkInterfaces ?? []).map((n) => ({
      ...(n.Association ? { AssociatePublicIpAddress: true } : {}),
      DeleteOnTermination: n.Attachment?.DeleteOnTermination,
      Description: n.Description,
      DeviceIndex: n.Attachment?.DeviceIndex,
      Groups: (n.Groups ?? []).map((g) => g.GroupId!),
      Ipv6Addresses: [],
      NetworkInterfaceId: n.NetworkInterfaceId,
      PrivateIpAddress: n.PrivateIpAddress,
      PrivateIpAddresses: (n.PrivateIpAddresses ?? []).map((p) => ({ Primary: p.Primary, PrivateIpAddress: p.PrivateIpAddress })),
      SubnetId: n.SubnetId,
      NetworkCardIndex: n.Attachment?.NetworkCardIndex ?? 0,
    })),
    ...(i.IamInstanceProfile ? { IamInstanceProfile: { Arn: i.IamInstanceProfile.Arn } } : {}),
    ...(rec.userData !== undefined ? { UserData: rec.userData } : {}),
    DisableApiTermination: s?.disableApiTermination ?? false,
    DisableApiStop: s?.disableApiStop ?? false,
    InstanceInitiatedShutdownBehavior: s?.shutdownBehavior ?? "stop",
    ...(s?.cpuCredits ? { CreditSpecification: { CpuCredits: s.cpuCredits } } : {}),
    CpuOptions: { ...i.CpuOptions },
    CapacityReservationSpecification: { CapacityReservationPreference: "open" },
    HibernationOptions: { Configured: i.HibernationOptions?.Configured ?? false },
    MetadataOptions: metadata,
    EnclaveOptions: { Enabled: i.EnclaveOptions?.Enabled ?? false },
    PrivateDnsNameOptions: { ...i.PrivateDnsNameOptions },
    MaintenanceOptions: { AutoRecovery: i.MaintenanceOptions?.AutoRecovery ?? "default" },
    ...(tags.length ? { TagSpecifications: [{ ResourceType: "instance", Tags: tags }] } : {}),
  };
  return { LaunchTemplateData: data };
};
