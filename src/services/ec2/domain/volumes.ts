// EBS volumes made at launch: created `in-use`, attached to the instance at their device; when the
// instance terminates, those marked DeleteOnTermination go, the others are detached (`available`).
import type { Ec2State, InstanceRecord } from "../context.js";
import type { InstanceBlockDeviceMapping, Volume } from "../generated/types.js";
import { ec2Id } from "./ids.js";
import type { VolumePlan } from "./launchDevices.js";
import { forgetTags } from "./tags.js";

export interface NewVolumes {
  instanceId: string;
  zone: string;
  zoneId: string;
  now: number;
}

/** Creates the planned volumes attached to an instance; answers the instance's block device mappings. */
export function createVolumes(state: Ec2State, plans: VolumePlan[], at: NewVolumes): InstanceBlockDeviceMapping[] {
  return plans.map((p) => {
    const id = ec2Id(state.ids, "vol");
    const volume: Volume = {
      Attachments: [{ AttachTime: at.now, Device: p.deviceName, InstanceId: at.instanceId, State: "attached", VolumeId: id, DeleteOnTermination: p.deleteOnTermination }],
      AvailabilityZone: at.zone,
      AvailabilityZoneId: at.zoneId,
      CreateTime: at.now,
      Encrypted: p.encrypted,
      Size: p.size,
      SnapshotId: p.snapshotId ?? "",
      State: "in-use",
      VolumeId: id,
      VolumeType: p.volumeType,
      ...(p.iops !== undefined ? { Iops: p.iops } : {}),
      ...(p.throughput !== undefined ? { Throughput: p.throughput } : {}),
      ...(p.kmsKeyId ? { KmsKeyId: p.kmsKeyId } : {}),
      MultiAttachEnabled: false,
    };
    state.volumes.set(id, volume);
    return { DeviceName: p.deviceName, Ebs: { AttachTime: at.now, DeleteOnTermination: p.deleteOnTermination, Status: "attached", VolumeId: id } };
  });
}

/** A terminated instance lets its volumes go: deleted when marked so, else left `available`. */
export function releaseVolumes(state: Ec2State, rec: InstanceRecord): void {
  for (const m of rec.instance.BlockDeviceMappings ?? []) {
    const volume = state.volumes.get(m.Ebs?.VolumeId ?? "");
    if (!volume) continue;
    if (m.Ebs?.DeleteOnTermination) {
      state.volumes.delete(volume.VolumeId!);
      forgetTags(state, volume.VolumeId!);
    } else {
      volume.State = "available";
      volume.Attachments = [];
    }
  }
  rec.instance.BlockDeviceMappings = [];
}

/** Changes a volume's DeleteOnTermination where it is attached (ModifyInstanceAttribute's BlockDeviceMappings). */
export function setDeleteOnTermination(state: Ec2State, rec: InstanceRecord, device: string, value: boolean): boolean {
  const mapping = rec.instance.BlockDeviceMappings?.find((m) => m.DeviceName === device);
  if (!mapping?.Ebs) return false;
  mapping.Ebs.DeleteOnTermination = value;
  const attachment = state.volumes.get(mapping.Ebs.VolumeId ?? "")?.Attachments?.[0];
  if (attachment) attachment.DeleteOnTermination = value;
  return true;
}
