// What an instance type costs an hour (On-Demand, Linux, US East (N. Virginia)), by which ECS Managed
// Instances ranks the types that satisfy a provider's requirements: the cheapest that packs the tasks
// wins. The figures are AWS's published On-Demand prices as of 2025 (FIDELITY.md, Managed Instances
// capacity providers); only their order matters here. Within a family the price grows with the size:
// burstable families by memory, the others by vCPU.

/** Price per GiB-hour of the burstable families (t2.micro, 1 GiB: $0.0116). */
const PER_GIB: Record<string, number> = { t2: 0.0116, t3: 0.0104, t3a: 0.0094, t4g: 0.0084 };

/** Price per vCPU-hour of the fixed-performance families (m5.large, 2 vCPUs: $0.096). */
const PER_VCPU: Record<string, number> = {
  m5: 0.048, m5a: 0.043, m6i: 0.048, m6a: 0.0432, m7i: 0.0504, m6g: 0.0385, m7g: 0.0408,
  c5: 0.0425, c5a: 0.0385, c6i: 0.0425, c6a: 0.03825, c7i: 0.044625, c6g: 0.034, c7g: 0.03625,
  r5: 0.063, r5a: 0.0565, r6i: 0.063, r6a: 0.0567, r7i: 0.06615, r6g: 0.0504, r7g: 0.05355,
};

/** The previous generation's own price list. */
const EXPLICIT: Record<string, number> = { "m1.small": 0.044, "m1.medium": 0.087, "m1.large": 0.175, "m1.xlarge": 0.35 };

/** Dollars an hour, or undefined for a type without a known price (never chosen). */
export function hourlyPrice(type: string, vcpus: number, memoryMiB: number): number | undefined {
  if (EXPLICIT[type] !== undefined) return EXPLICIT[type];
  const family = type.split(".")[0];
  if (PER_GIB[family] !== undefined) return Math.round(PER_GIB[family] * (memoryMiB / 1024) * 1e6) / 1e6;
  if (PER_VCPU[family] !== undefined) return Math.round(PER_VCPU[family] * vcpus * 1e6) / 1e6;
  return undefined;
}
