// The filters DescribeLaunchTemplateVersions knows, read from each version's data.
import type { LaunchTemplateVersion } from "../generated/types.js";
import type { FilterValues } from "./filters.js";

export const VERSION_FILTERS: FilterValues<LaunchTemplateVersion> = {
  "create-time": (v) => new Date(v.CreateTime! * 1000).toISOString(),
  "ebs-optimized": (v) => v.LaunchTemplateData?.EbsOptimized,
  "http-endpoint": (v) => v.LaunchTemplateData?.MetadataOptions?.HttpEndpoint,
  "http-protocol-ipv4": (v) => v.LaunchTemplateData?.MetadataOptions?.HttpEndpoint,
  "http-protocol-ipv6": (v) => v.LaunchTemplateData?.MetadataOptions?.HttpProtocolIpv6,
  "http-tokens": (v) => v.LaunchTemplateData?.MetadataOptions?.HttpTokens,
  "host-resource-group-arn": (v) => v.LaunchTemplateData?.Placement?.HostResourceGroupArn,
  "iam-instance-profile": (v) => v.LaunchTemplateData?.IamInstanceProfile?.Arn,
  "image-id": (v) => v.LaunchTemplateData?.ImageId,
  "instance-type": (v) => v.LaunchTemplateData?.InstanceType,
  "is-default-version": (v) => v.DefaultVersion,
  "kernel-id": (v) => v.LaunchTemplateData?.KernelId,
  "license-configuration-arn": (v) => (v.LaunchTemplateData?.LicenseSpecifications ?? []).map((l) => l.LicenseConfigurationArn),
  "network-card-index": (v) => (v.LaunchTemplateData?.NetworkInterfaces ?? []).map((n) => n.NetworkCardIndex),
  "ram-disk-id": (v) => v.LaunchTemplateData?.RamDiskId,
};
