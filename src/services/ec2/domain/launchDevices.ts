// The EBS volumes a launch makes: the image's root volume (and its other mappings) with what the
// request's BlockDeviceMappings change, and extra volumes the request adds; refused as EC2 refuses.
import { AwsError } from "../../../protocol/errors.js";
import type { BlockDeviceMapping, EbsBlockDevice, VolumeType } from "../generated/types.js";
import type { FoundImage } from "./images.js";

export interface VolumePlan {
  deviceName: string;
  size: number;
  volumeType: VolumeType;
  iops?: number;
  throughput?: number;
  deleteOnTermination: boolean;
  encrypted: boolean;
  snapshotId?: string;
  kmsKeyId?: string;
}

export interface DevicePlan {
  rootDeviceName: string;
  /** The root volume first. */
  volumes: VolumePlan[];
}

/** What EC2 gives an image it does not describe (an id ecs-local does not know): 8 GiB of gp2 at /dev/xvda. */
const UNKNOWN_IMAGE_ROOT: BlockDeviceMapping = { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8, VolumeType: "gp2", DeleteOnTermination: true, Encrypted: false } };

function iopsOf(type: VolumeType, size: number, given: number | undefined): number | undefined {
  if (type === "gp2") return Math.min(16000, Math.max(100, 3 * size));
  if (type === "gp3") return given ?? 3000;
  if (type === "io1" || type === "io2") return given;
  return undefined;
}

function volumeFrom(deviceName: string, base: EbsBlockDevice | undefined, change: EbsBlockDevice | undefined): VolumePlan {
  const snapshotId = change?.SnapshotId ?? base?.SnapshotId;
  const snapshotSize = change?.SnapshotId === undefined ? base?.VolumeSize : undefined;
  const size = change?.VolumeSize ?? base?.VolumeSize;
  if (size === undefined) throw new AwsError("InvalidBlockDeviceMapping", `The volume size or snapshot ID must be specified for device '${deviceName}'.`);
  if (snapshotSize !== undefined && size < snapshotSize) {
    throw new AwsError("InvalidBlockDeviceMapping", `Volume of size ${size}GB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotSize}GB`);
  }
  const volumeType = change?.VolumeType ?? base?.VolumeType ?? "gp2";
  const iops = iopsOf(volumeType, size, change?.Iops ?? base?.Iops);
  const throughput = volumeType === "gp3" ? (change?.Throughput ?? base?.Throughput ?? 125) : undefined;
  const kmsKeyId = change?.KmsKeyId ?? base?.KmsKeyId;
  return {
    deviceName,
    size,
    volumeType,
    ...(iops !== undefined ? { iops } : {}),
    ...(throughput !== undefined ? { throughput } : {}),
    deleteOnTermination: change?.DeleteOnTermination ?? base?.DeleteOnTermination ?? true,
    encrypted: change?.Encrypted ?? base?.Encrypted ?? kmsKeyId !== undefined,
    ...(snapshotId ? { snapshotId } : {}),
    ...(kmsKeyId ? { kmsKeyId } : {}),
  };
}

export function planDevices(requested: BlockDeviceMapping[] | undefined, image: FoundImage | undefined): DevicePlan {
  const fromImage = image ? (image.image.BlockDeviceMappings ?? []) : [UNKNOWN_IMAGE_ROOT];
  const rootDeviceName = image?.image.RootDeviceName ?? UNKNOWN_IMAGE_ROOT.DeviceName!;
  const byDevice = new Map<string, VolumePlan | null>();
  for (const m of fromImage) if (m.Ebs && m.DeviceName) byDevice.set(m.DeviceName, volumeFrom(m.DeviceName, m.Ebs, undefined));
  for (const m of requested ?? []) {
    if (!m.DeviceName) throw new AwsError("MissingParameter", "The request must contain the parameter deviceName");
    if (m.NoDevice !== undefined) {
      byDevice.set(m.DeviceName, null);
      continue;
    }
    if (!m.Ebs) continue;
    const base = fromImage.find((i) => i.DeviceName === m.DeviceName)?.Ebs;
    byDevice.set(m.DeviceName, volumeFrom(m.DeviceName, base, m.Ebs));
  }
  const volumes = [...byDevice.values()].filter((v): v is VolumePlan => v !== null);
  volumes.sort((a, b) => Number(b.deviceName === rootDeviceName) - Number(a.deviceName === rootDeviceName));
  return { rootDeviceName, volumes };
}
