// Which instance type ECS Managed Instances launches: the types of the shared table (EC2's) that
// satisfy the provider's instance requirements (attribute-based selection, as EC2 Fleet reads them),
// hold the tasks' architecture, and pack the waiting tasks onto the fewest dollars an hour.
import type { InstanceRequirementsRequest } from "../generated/types.js";
import { instanceTypeInfo, knownInstanceTypes, registeredCapacity } from "../domain/instanceTypes.js";
import type { TaskNeeds } from "../domain/resources.js";
import { instancesFor, type Capacity } from "../capacity/reservation.js";
import { hourlyPrice } from "./prices.js";

export type Architecture = "x86_64" | "arm64";

export interface TypeFacts {
  type: string;
  vcpus: number;
  memoryMiB: number;
  architecture: Architecture;
  manufacturer: "intel" | "amd" | "amazon-web-services";
  burstable: boolean;
  generation: "current" | "previous";
  price: number;
}

const BURSTABLE = new Set(["t2", "t3", "t3a", "t4g"]);
/** Without requirements ECS picks among general-purpose types (the Developer Guide's default capacity provider). */
const GENERAL_PURPOSE = /^m\d/;

function facts(type: string): TypeFacts | undefined {
  const info = instanceTypeInfo(type);
  if (!info) return undefined;
  const family = type.split(".")[0];
  const price = hourlyPrice(type, info.vcpus, info.memoryMiB);
  if (price === undefined) return undefined;
  const manufacturer = /g$/.test(family) ? "amazon-web-services" : /\da$/.test(family) ? "amd" : "intel";
  return { type, vcpus: info.vcpus, memoryMiB: info.memoryMiB, architecture: info.architecture, manufacturer, burstable: BURSTABLE.has(family), generation: family === "m1" ? "previous" : "current", price };
}

// Built on first use, not when the module loads: every start loads it (the fleet is made with ECS's backend).
let table: readonly TypeFacts[] | undefined;
const typeTable = (): readonly TypeFacts[] => (table ??= knownInstanceTypes().map(facts).filter((f): f is TypeFacts => f !== undefined));

/** `m5.*`, `*.large`, `c6?.xlarge`: EC2's wildcards in allowed and excluded instance types. */
function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

const within = (v: number, r: { min?: number; max?: number } | undefined): boolean => !r || ((r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));

/** Whether a type satisfies the requirements (those the table can answer; the rest are not ruled on). */
export function satisfies(f: TypeFacts, req: InstanceRequirementsRequest | undefined): boolean {
  if (!req) return !f.burstable && f.generation === "current" && GENERAL_PURPOSE.test(f.type);
  if (!within(f.vcpus, req.vCpuCount) || !within(f.memoryMiB, req.memoryMiB)) return false;
  if (!within(f.memoryMiB / 1024 / f.vcpus, req.memoryGiBPerVCpu)) return false;
  if (req.cpuManufacturers?.length && !req.cpuManufacturers.includes(f.manufacturer)) return false;
  if (req.instanceGenerations?.length && !req.instanceGenerations.includes(f.generation)) return false;
  // EC2's defaults: burstable and bare metal types excluded; the table has no accelerators, no
  // instance store and no bare metal, so what requires them matches nothing.
  const burstable = req.burstablePerformance ?? "excluded";
  if ((burstable === "excluded" && f.burstable) || (burstable === "required" && !f.burstable)) return false;
  if (req.bareMetal === "required" || req.localStorage === "required") return false;
  if ((req.acceleratorCount?.min ?? 0) > 0 || req.acceleratorTypes?.length || req.acceleratorNames?.length || req.acceleratorManufacturers?.length) return false;
  if (req.allowedInstanceTypes?.length && !req.allowedInstanceTypes.some((p) => wildcard(p).test(f.type))) return false;
  if (req.excludedInstanceTypes?.some((p) => wildcard(p).test(f.type))) return false;
  return true;
}

/** The types a provider may launch for tasks of an architecture, cheapest first. */
export function eligibleTypes(req: InstanceRequirementsRequest | undefined, architecture: Architecture): TypeFacts[] {
  return typeTable().filter((f) => f.architecture === architecture && satisfies(f, req)).sort((a, b) => a.price - b.price || a.vcpus - b.vcpus || (a.type < b.type ? -1 : 1));
}

export interface LaunchChoice {
  type: string;
  count: number;
}

/** What an instance of the type holds for tasks once the daemons on it took theirs. */
export function usable(type: string, reserved: Capacity): Capacity {
  const c = registeredCapacity(type)!;
  return { cpu: c.cpu - reserved.cpu, memory: c.memory - reserved.memory };
}

/**
 * The type and number of instances that hold `tasks` for the fewest dollars an hour (ties: the type
 * cheaper by the hour); undefined when no eligible type can hold the largest task.
 */
export function chooseLaunch(tasks: TaskNeeds[], types: TypeFacts[], reserved: Capacity): LaunchChoice | undefined {
  let best: (LaunchChoice & { cost: number }) | undefined;
  for (const f of types) {
    const room = usable(f.type, reserved);
    if (tasks.some((t) => t.cpu > room.cpu || t.memory > room.memory)) continue;
    const count = instancesFor(tasks, room);
    const cost = count * f.price;
    // Types come cheapest first: on a tie the smaller type wins.
    if (!best || cost < best.cost - 1e-9) best = { type: f.type, count, cost };
  }
  return best && { type: best.type, count: best.count };
}
