import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { InstanceTypeInfo } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { instanceTypeInfo, knownInstanceTypes } from "../domain/instanceTypes.js";
import { paginate } from "../domain/pagination.js";

function infoOf(type: string): InstanceTypeInfo {
  const t = instanceTypeInfo(type)!;
  const family = type.split(".")[0];
  const burstable = family.startsWith("t");
  const threads = t.architecture === "x86_64" && t.vcpus > 1 ? 2 : 1;
  return {
    InstanceType: type as InstanceTypeInfo["InstanceType"],
    CurrentGeneration: family !== "t2" && family !== "m1",
    FreeTierEligible: type === "t2.micro" || type === "t3.micro",
    SupportedUsageClasses: ["on-demand", "spot"],
    SupportedRootDeviceTypes: ["ebs"],
    SupportedVirtualizationTypes: ["hvm"],
    BareMetal: false,
    Hypervisor: family === "t2" || family === "m1" ? "xen" : "nitro",
    ProcessorInfo: { SupportedArchitectures: [t.architecture], Manufacturer: t.architecture === "arm64" ? "AWS" : family.endsWith("a") ? "AMD" : "Intel" },
    VCpuInfo: { DefaultVCpus: t.vcpus, DefaultCores: Math.max(1, t.vcpus / threads), DefaultThreadsPerCore: threads },
    MemoryInfo: { SizeInMiB: t.memoryMiB },
    InstanceStorageSupported: false,
    HibernationSupported: false,
    BurstablePerformanceSupported: burstable,
    DedicatedHostsSupported: !burstable,
    AutoRecoverySupported: true,
    SupportedBootModes: t.architecture === "arm64" ? ["uefi"] : ["legacy-bios", "uefi"],
  };
}

const FILTERS: FilterValues<InstanceTypeInfo> = {
  "instance-type": (i) => i.InstanceType,
  "current-generation": (i) => i.CurrentGeneration,
  "free-tier-eligible": (i) => i.FreeTierEligible,
  "burstable-performance-supported": (i) => i.BurstablePerformanceSupported,
  "processor-info.supported-architecture": (i) => i.ProcessorInfo?.SupportedArchitectures,
  "vcpu-info.default-vcpus": (i) => i.VCpuInfo?.DefaultVCpus,
  "memory-info.size-in-mib": (i) => i.MemoryInfo?.SizeInMiB,
  hypervisor: (i) => i.Hypervisor,
};

export const describeInstanceTypes: Handler<"DescribeInstanceTypes"> = (input, ctx) => {
  void ctx;
  checkFilters(input.Filters, FILTERS, false);
  const unknown = (input.InstanceTypes ?? []).filter((t) => !instanceTypeInfo(t));
  if (unknown.length) throw new AwsError("InvalidInstanceType", `The following supplied instance types do not exist: [${unknown.join(", ")}]`);
  const types = input.InstanceTypes?.length ? [...new Set(input.InstanceTypes)] : knownInstanceTypes();
  const all = types.map(infoOf).filter((i) => matchesFilters(i, undefined, input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken, { min: 5, max: 100 });
  return { InstanceTypes: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
