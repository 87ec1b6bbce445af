// A service's utilization as CloudWatch's AWS/ECS CPUUtilization and MemoryUtilization state it:
// what its running tasks use, as a percentage of what they reserve, from the runtime's measurements.
import type { TaskUsage } from "../../../runtime/runtime.js";
import type { EcsBackend } from "../context.js";
import type { ServiceUsage, ServiceUsagePort } from "../usagePort.js";
import { findCluster } from "./clusters.js";

/** 1024 CPU units are a vCPU; a task that reserves none is measured against one. */
const UNITS_PER_VCPU = 1024;

export function serviceUsagePort(backend: EcsBackend): ServiceUsagePort {
  return {
    measure(accountId, region, cluster, service) {
      const runtime = backend.runtime;
      if (!runtime.usage) return undefined;
      const state = backend.states.get(accountId, region);
      const sr = findCluster(state, cluster)?.services.get(service);
      const tasks = [...(sr?.tasks.values() ?? [])].filter((t) => t.lastStatus === "RUNNING");
      if (tasks.length === 0) return undefined;
      const reads = tasks.map((t) => runtime.usage!(t.taskArn!).then((u) => (u ? { u, cpu: Number(t.cpu) || UNITS_PER_VCPU, memory: Number(t.memory) || 0 } : undefined)));
      return Promise.all(reads).then(average, () => undefined);
    },
  };
}

function average(reads: ({ u: TaskUsage; cpu: number; memory: number } | undefined)[]): ServiceUsage | undefined {
  const measured = reads.filter((r) => r !== undefined);
  if (measured.length === 0) return undefined;
  const sum = (f: (r: (typeof measured)[number]) => number): number => measured.reduce((a, r) => a + f(r), 0);
  const cpu = (100 * sum((r) => r.u.cpuUnits)) / sum((r) => r.cpu);
  const reserved = sum((r) => r.memory);
  return { cpu, ...(reserved > 0 ? { memory: (100 * sum((r) => r.u.memoryMiB)) / reserved } : {}), tasks: measured.length };
}
