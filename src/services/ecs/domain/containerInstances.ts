// Container instances: finding one by id or ARN within a cluster, their resources, and how they are described.
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { ContainerInstance, ContainerInstanceField, Failure, Resource } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { ecsArn, isArn, parseArn } from "./arn.js";
import { tagsOf } from "./tags.js";

/** Ports the agent and Docker hold on every instance: SSH, the Docker daemon and the agent's introspection. */
export const RESERVED_TCP_PORTS = ["22", "2375", "2376", "51678", "51679"];

export function containerInstanceArn(state: EcsState, clusterName: string, id: string): string {
  return ecsArn(state, `container-instance/${clusterName}/${id}`);
}

/**
 * The id an instance reference (32-hex id or ARN, long or short form) names; an ARN of another
 * resource type is refused.
 */
export function instanceIdFromRef(ref: string): string {
  if (!isArn(ref)) return ref;
  const p = parseArn(ref);
  if (!p) throw new InvalidParameterException("Invalid identifier: Identifier is for an incorrect resource type.");
  if (p.type !== "container-instance") throw new InvalidParameterException(`Unsupported resource type: ${p.type}`);
  return p.path.split("/").pop()!;
}

/** The instance a reference names in this cluster, whatever its status. */
export function findInstance(state: EcsState, rec: ClusterRecord, ref: string): ContainerInstance | undefined {
  if (isArn(ref)) {
    const p = parseArn(ref);
    if (p && (p.accountId !== state.accountId || p.region !== state.region)) return undefined;
    const parts = p?.path.split("/") ?? [];
    // A long ARN names its cluster; it must be this one.
    if (parts.length === 2 && parts[0] !== rec.cluster.clusterName) return undefined;
  }
  return rec.instances.get(instanceIdFromRef(ref));
}

/** The instance a reference names, for operations that act on one instance. */
export function resolveInstance(state: EcsState, rec: ClusterRecord, ref: string): ContainerInstance {
  const ci = findInstance(state, rec, ref);
  if (!ci) throw new ClientException(`Referenced container instance ${instanceIdFromRef(ref)} not found.`);
  return ci;
}

/** A MISSING failure naming the instance by ARN, as Describe/Update answer unknown references. */
export function missingInstance(state: EcsState, rec: ClusterRecord, ref: string): Failure {
  return { arn: isArn(ref) ? ref : containerInstanceArn(state, rec.cluster.clusterName!, ref), reason: "MISSING" };
}

export function integerResource(name: string, value: number): Resource {
  return { name, type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: value };
}

export function stringSetResource(name: string, values: string[]): Resource {
  return { name, type: "STRINGSET", doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: values };
}

export function defaultResources(cpu: number, memory: number): Resource[] {
  return [integerResource("CPU", cpu), integerResource("MEMORY", memory), stringSetResource("PORTS", [...RESERVED_TCP_PORTS]), stringSetResource("PORTS_UDP", [])];
}

function numeric(r: Resource): number {
  return r.integerValue ?? r.longValue ?? Math.floor(r.doubleValue ?? 0);
}

/**
 * Registered resources from the agent's totalResources: CPU and MEMORY as integers, PORTS/PORTS_UDP as
 * sets, anything missing taken from `fallback`; other resources (GPU, …) kept as sent. A fallback
 * made for this call alone (`fallbackOwned`) is taken as it is; any other is copied, never shared.
 */
export function resourcesFrom(total: Resource[], fallback: Resource[], fallbackOwned = false): Resource[] {
  const byName = new Map(total.filter((r) => r.name).map((r) => [r.name!, r]));
  for (const r of total) {
    if (r.name === undefined || r.name === "") throw new ClientException("Resource name cannot be empty.");
    if ((r.name === "CPU" || r.name === "MEMORY") && numeric(r) < 0) throw new ClientException(`Invalid ${r.name} resource value: ${numeric(r)}.`);
  }
  const out: Resource[] = fallback.map((f) => {
    const given = byName.get(f.name!);
    if (!given) return fallbackOwned ? f : structuredClone(f);
    return f.type === "INTEGER" ? integerResource(f.name!, numeric(given)) : stringSetResource(f.name!, [...(given.stringSetValue ?? [])]);
  });
  for (const r of total) {
    if (!out.some((o) => o.name === r.name)) out.push({ doubleValue: 0, longValue: 0, integerValue: 0, ...structuredClone(r) });
  }
  return out;
}

/** Tasks on the instance that are not stopped yet, the ones a deregistration would orphan. */
export function activeTasksOn(rec: ClusterRecord, instanceArn: string): number {
  return rec.index.liveOn(instanceArn).size;
}

function taskCounts(rec: ClusterRecord, instanceArn: string): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of rec.index.liveOn(instanceArn)) {
    if (t.lastStatus === "RUNNING") running++;
    else if (t.lastStatus === "PENDING") pending++;
  }
  return { running, pending };
}

/** The instance as the API answers it: task counts derived now, tags and health when asked for. */
export function describeInstance(state: EcsState, rec: ClusterRecord, ci: ContainerInstance, include: ContainerInstanceField[] = []): ContainerInstance {
  const counts = taskCounts(rec, ci.containerInstanceArn!);
  const out: ContainerInstance = { ...ci, runningTasksCount: counts.running, pendingTasksCount: counts.pending };
  delete out.tags;
  delete out.healthStatus;
  if (include.includes("TAGS")) out.tags = tagsOf(state, ci.containerInstanceArn!);
  if (include.includes("CONTAINER_INSTANCE_HEALTH")) {
    const at = ci.registeredAt;
    out.healthStatus = ci.healthStatus ?? {
      overallStatus: "OK",
      details: [{ type: "CONTAINER_RUNTIME", status: "OK", lastUpdated: at, lastStatusChange: at }],
    };
  }
  return out;
}

/** Counts a change to the instance, as ECS does in `version`. */
export function bump(ci: ContainerInstance): void {
  ci.version = (ci.version ?? 0) + 1;
}
