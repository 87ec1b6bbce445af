// The DescribeInstances filters on what launches give an instance: its instance profile, block
// devices, metadata options and billing details.
import type { InstanceRecord } from "../context.js";
import type { FilterValues } from "./filters.js";

const devices = (r: InstanceRecord) => r.instance.BlockDeviceMappings ?? [];

export const COMPUTE_INSTANCE_FILTERS: FilterValues<InstanceRecord> = {
  "iam-instance-profile.arn": (r) => r.instance.IamInstanceProfile?.Arn,
  "iam-instance-profile.id": (r) => r.instance.IamInstanceProfile?.Id,
  "block-device-mapping.device-name": (r) => devices(r).map((m) => m.DeviceName),
  "block-device-mapping.volume-id": (r) => devices(r).map((m) => m.Ebs?.VolumeId),
  "block-device-mapping.status": (r) => devices(r).map((m) => m.Ebs?.Status),
  "block-device-mapping.delete-on-termination": (r) => devices(r).map((m) => m.Ebs?.DeleteOnTermination),
  "root-device-name": (r) => r.instance.RootDeviceName,
  "root-device-type": (r) => r.instance.RootDeviceType,
  "metadata-options.http-tokens": (r) => r.instance.MetadataOptions?.HttpTokens,
  "metadata-options.http-endpoint": (r) => r.instance.MetadataOptions?.HttpEndpoint,
  "metadata-options.http-put-response-hop-limit": (r) => r.instance.MetadataOptions?.HttpPutResponseHopLimit,
  "metadata-options.instance-metadata-tags": (r) => r.instance.MetadataOptions?.InstanceMetadataTags,
  "platform-details": (r) => r.instance.PlatformDetails,
  "usage-operation": (r) => r.instance.UsageOperation,
  "ebs-optimized": (r) => r.instance.EbsOptimized,
  "source-dest-check": (r) => r.instance.SourceDestCheck,
  "virtualization-type": (r) => r.instance.VirtualizationType,
  hypervisor: (r) => r.instance.Hypervisor,
  tenancy: (r) => r.instance.Placement?.Tenancy,
  "monitoring-state": (r) => r.instance.Monitoring?.State,
  "ami-launch-index": (r) => r.instance.AmiLaunchIndex,
};
