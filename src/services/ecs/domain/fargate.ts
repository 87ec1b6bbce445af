// Task-level cpu and memory as ECS reads them, and the task sizes Fargate offers.
import { ClientException } from "../generated/errors.js";

const NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
const CPU = new RegExp(`^${NUMBER}\\s*(vcpus?)?$`, "i");
const MEMORY = new RegExp(`^${NUMBER}\\s*(gib|gb|mib|mb)?$`, "i");

/** Task-level CPU bounds ECS accepts: 0.125 to 192 vCPU. */
const MIN_CPU = 128;
const MAX_CPU = 196608;

/**
 * Task cpu in units: "1024", "1 vCPU" and ".25 vcpu" are accepted; ECS stores the
 * units as a string.
 */
export function parseTaskCpu(value: string): number {
  const m = CPU.exec(value.trim());
  const units = m ? Number(m[1]) * (m[2] ? 1024 : 1) : NaN;
  if (!Number.isInteger(units) || units < MIN_CPU || units > MAX_CPU) throw new ClientException("Invalid 'cpu' setting for task.");
  return units;
}

/** Task memory in MiB: "2048", "2 GB", "2GB" and "512 MiB" are accepted. */
export function parseTaskMemory(value: string): number {
  const m = MEMORY.exec(value.trim());
  const unit = m?.[2]?.toLowerCase();
  const mib = m ? Number(m[1]) * (unit === "gb" || unit === "gib" ? 1024 : 1) : NaN;
  if (!Number.isInteger(mib) || mib < 1) throw new ClientException("Invalid 'memory' setting for task.");
  return mib;
}

interface SizeRange {
  min: number;
  max: number;
  step: number;
}

const GB = 1024;

/** Memory (MiB) Fargate offers for each cpu value. */
const FARGATE_SIZES: Record<number, SizeRange[]> = {
  256: [
    { min: 512, max: 512, step: 1 },
    { min: GB, max: 2 * GB, step: GB },
  ],
  512: [{ min: GB, max: 4 * GB, step: GB }],
  1024: [{ min: 2 * GB, max: 8 * GB, step: GB }],
  2048: [{ min: 4 * GB, max: 16 * GB, step: GB }],
  4096: [{ min: 8 * GB, max: 30 * GB, step: GB }],
  8192: [{ min: 16 * GB, max: 60 * GB, step: 4 * GB }],
  16384: [{ min: 32 * GB, max: 120 * GB, step: 8 * GB }],
};

export function isFargateSize(cpu: number, memory: number): boolean {
  return (FARGATE_SIZES[cpu] ?? []).some((r) => memory >= r.min && memory <= r.max && (memory - r.min) % r.step === 0);
}

export function fargateSizeError(cpu: number, memory: number): ClientException {
  return new ClientException(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
}
