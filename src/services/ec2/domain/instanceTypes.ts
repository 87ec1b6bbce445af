// What common EC2 instance types offer: vCPUs, memory and architecture (DescribeInstanceTypes), and what
// an instance of each registers with ECS: CPU units (vCPUs × 1024) and memory.
//
// Registered memory rule: ECS registers less memory than the type's RAM because the kernel, the OS and
// the agent keep some for themselves (a t3.medium with 4096 MiB registers about 3900 MiB). We register
// 95% of the RAM, rounded down to a whole MiB, which lands within a few percent of what real instances
// report across the sizes below.

export type CpuArchitecture = "x86_64" | "arm64";

export interface InstanceTypeInfo {
  vcpus: number;
  /** The type's RAM in MiB. */
  memoryMiB: number;
  architecture: CpuArchitecture;
}

/** The type used when a registration names none. */
export const DEFAULT_INSTANCE_TYPE = "t3.medium";

/** Share of the RAM an instance registers for tasks. */
const REGISTERED_MEMORY_SHARE = 0.95;

/** size → [vCPUs, GiB of RAM]; fractions of a GiB for the smallest sizes. */
type Sizes = Record<string, [number, number]>;

const T2: Sizes = { nano: [1, 0.5], micro: [1, 1], small: [1, 2], medium: [2, 4], large: [2, 8], xlarge: [4, 16], "2xlarge": [8, 32] };
const T3: Sizes = { nano: [2, 0.5], micro: [2, 1], small: [2, 2], medium: [2, 4], large: [2, 8], xlarge: [4, 16], "2xlarge": [8, 32] };
const M: Sizes = { large: [2, 8], xlarge: [4, 16], "2xlarge": [8, 32], "4xlarge": [16, 64], "8xlarge": [32, 128], "12xlarge": [48, 192], "16xlarge": [64, 256], "24xlarge": [96, 384] };
const C: Sizes = { large: [2, 4], xlarge: [4, 8], "2xlarge": [8, 16], "4xlarge": [16, 32], "9xlarge": [36, 72], "12xlarge": [48, 96], "18xlarge": [72, 144], "24xlarge": [96, 192] };
const C6: Sizes = { large: [2, 4], xlarge: [4, 8], "2xlarge": [8, 16], "4xlarge": [16, 32], "8xlarge": [32, 64], "12xlarge": [48, 96], "16xlarge": [64, 128], "24xlarge": [96, 192] };
const R: Sizes = { large: [2, 16], xlarge: [4, 32], "2xlarge": [8, 64], "4xlarge": [16, 128], "8xlarge": [32, 256], "12xlarge": [48, 384], "16xlarge": [64, 512], "24xlarge": [96, 768] };
/** Graviton families stop at 16xlarge. */
const upTo16x = (sizes: Sizes): Sizes => Object.fromEntries(Object.entries(sizes).filter(([size]) => size !== "24xlarge"));
const GRAVITON_M: Sizes = { medium: [1, 4], ...upTo16x(M) };
const GRAVITON_C: Sizes = { medium: [1, 2], ...upTo16x(C6) };
const GRAVITON_R: Sizes = { medium: [1, 8], ...upTo16x(R) };

const FAMILIES: Record<string, { sizes: Sizes; architecture: CpuArchitecture }> = {
  m1: { sizes: { small: [1, 1.7], medium: [1, 3.75], large: [2, 7.5], xlarge: [4, 15] }, architecture: "x86_64" },
  t2: { sizes: T2, architecture: "x86_64" },
  t3: { sizes: T3, architecture: "x86_64" },
  t3a: { sizes: T3, architecture: "x86_64" },
  t4g: { sizes: T3, architecture: "arm64" },
  m5: { sizes: M, architecture: "x86_64" },
  m6i: { sizes: M, architecture: "x86_64" },
  m7g: { sizes: GRAVITON_M, architecture: "arm64" },
  c5: { sizes: C, architecture: "x86_64" },
  c6i: { sizes: C6, architecture: "x86_64" },
  c7g: { sizes: GRAVITON_C, architecture: "arm64" },
  r5: { sizes: R, architecture: "x86_64" },
  r6i: { sizes: R, architecture: "x86_64" },
  m5a: { sizes: M, architecture: "x86_64" },
  m6a: { sizes: M, architecture: "x86_64" },
  m7i: { sizes: M, architecture: "x86_64" },
  c5a: { sizes: C6, architecture: "x86_64" },
  c6a: { sizes: C6, architecture: "x86_64" },
  c7i: { sizes: C6, architecture: "x86_64" },
  r5a: { sizes: R, architecture: "x86_64" },
  r6a: { sizes: R, architecture: "x86_64" },
  r7i: { sizes: R, architecture: "x86_64" },
  m6g: { sizes: GRAVITON_M, architecture: "arm64" },
  c6g: { sizes: GRAVITON_C, architecture: "arm64" },
  r6g: { sizes: GRAVITON_R, architecture: "arm64" },
  r7g: { sizes: GRAVITON_R, architecture: "arm64" },
};

export function instanceTypeInfo(type: string): InstanceTypeInfo | undefined {
  const [family, size] = type.split(".");
  const f = FAMILIES[family];
  const s = f?.sizes[size ?? ""];
  if (!f || !s) return undefined;
  return { vcpus: s[0], memoryMiB: Math.round(s[1] * 1024), architecture: f.architecture };
}

/** CPU units and memory an instance of this type registers, or undefined for a type we do not know. */
export function registeredCapacity(type: string): { cpu: number; memory: number; architecture: CpuArchitecture } | undefined {
  const info = instanceTypeInfo(type);
  if (!info) return undefined;
  return { cpu: info.vcpus * 1024, memory: Math.floor(info.memoryMiB * REGISTERED_MEMORY_SHARE), architecture: info.architecture };
}

/** Every type the table knows, family by family, smallest first. */
export function knownInstanceTypes(): string[] {
  return Object.entries(FAMILIES).flatMap(([family, f]) => Object.keys(f.sizes).map((size) => `${family}.${size}`));
}
