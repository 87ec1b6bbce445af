// What a task's containers use, from the engine's stats (GET /containers/{id}/stats?stream=false,
// which samples twice so that the CPU figure covers the second between the samples), in the units
// service auto scaling measures: CPU units (1024 a vCPU) and MiB of memory less the page cache.
import type { TaskUsage } from "../runtime.js";
import type { Engine } from "./engine.js";

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

interface ContainerStats {
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; stats?: Record<string, number> };
}

const MIB = 1024 * 1024;

/** One container's use; the CPU is what it used of the host between the two samples. */
export function containerUsage(s: ContainerStats): TaskUsage {
  const cpu = s.cpu_stats ?? {};
  const pre = s.precpu_stats ?? {};
  const used = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const system = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  const cpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const vcpus = system > 0 && used > 0 ? (used / system) * cpus : 0;
  // As `docker stats` shows it: the page cache the kernel can reclaim is not the container's.
  const stats = s.memory_stats?.stats ?? {};
  const cache = stats.inactive_file ?? stats.total_inactive_file ?? 0;
  const memory = Math.max(0, (s.memory_stats?.usage ?? 0) - cache);
  return { cpuUnits: vcpus * 1024, memoryMiB: memory / MIB };
}

/** The sum over the task's running containers; undefined when none could be measured. */
export async function taskUsage(engine: Engine, containerIds: string[]): Promise<TaskUsage | undefined> {
  const stats = await Promise.all(containerIds.map((id) => engine.call<ContainerStats>("GET", `/containers/${id}/stats?stream=false`, undefined, 15_000).catch(() => undefined)));
  const measured = stats.filter((s): s is ContainerStats => s !== undefined).map(containerUsage);
  if (measured.length === 0) return undefined;
  return { cpuUnits: measured.reduce((a, u) => a + u.cpuUnits, 0), memoryMiB: measured.reduce((a, u) => a + u.memoryMiB, 0) };
}
