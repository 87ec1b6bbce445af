// What a task takes from a container instance (CPU, memory, host ports), and giving it back.
import type { ContainerInstance, NetworkBinding, NetworkMode, Resource, TaskDefinition, TaskOverride } from "../generated/types.js";

/** A port a container asks for on the host: a fixed one, or 0 for one from the ephemeral range. */
export interface HostPortNeed {
  containerName: string;
  containerPort: number;
  hostPort: number;
  protocol: "tcp" | "udp";
}

export interface TaskNeeds {
  cpu: number;
  memory: number;
  ports: HostPortNeed[];
}

export const EPHEMERAL_PORTS = { first: 32768, last: 61000 } as const;

/** Task-level cpu/memory may be "1 vCPU" or "2 GB" as well as plain units. */
export function parseUnits(value: string | undefined, kind: "cpu" | "memory"): number | undefined {
  if (value === undefined || value === "") return undefined;
  const m = /^\s*([\d.]+)\s*(vcpu|gb|mb|mib|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (kind === "cpu") return unit === "vcpu" ? Math.round(n * 1024) : Math.round(n);
  return unit === "gb" || unit === "gib" ? Math.round(n * 1024) : Math.round(n);
}

export function effectiveNetworkMode(td: TaskDefinition): NetworkMode {
  return td.networkMode ?? "bridge";
}

/** CPU and memory a task reserves: task-level values win, else the sum over its containers (with overrides). */
export function taskNeeds(td: TaskDefinition, overrides?: TaskOverride): TaskNeeds {
  const byName = new Map((overrides?.containerOverrides ?? []).map((o) => [o.name, o]));
  let cpu = 0;
  let memory = 0;
  const ports: HostPortNeed[] = [];
  const mode = effectiveNetworkMode(td);
  for (const c of td.containerDefinitions ?? []) {
    const o = byName.get(c.name);
    cpu += o?.cpu ?? c.cpu ?? 0;
    memory += o?.memoryReservation ?? o?.memory ?? c.memoryReservation ?? c.memory ?? 0;
    if (mode !== "bridge" && mode !== "host") continue;
    for (const pm of c.portMappings ?? []) {
      if (pm.containerPort === undefined) continue;
      const hostPort = mode === "host" ? pm.containerPort : (pm.hostPort ?? 0);
      ports.push({ containerName: c.name!, containerPort: pm.containerPort, hostPort, protocol: pm.protocol ?? "tcp" });
    }
  }
  return {
    cpu: parseUnits(overrides?.cpu, "cpu") ?? parseUnits(td.cpu, "cpu") ?? cpu,
    memory: parseUnits(overrides?.memory, "memory") ?? parseUnits(td.memory, "memory") ?? memory,
    ports,
  };
}

function resource(ci: ContainerInstance, which: "remainingResources" | "registeredResources", name: string): Resource | undefined {
  // A loop, not find(): placement reads two of these for every instance of the cluster per request.
  for (const r of ci[which] ?? []) if (r.name === name) return r;
  return undefined;
}

/** An instance's remaining CPU or MEMORY units. */
export function remaining(ci: ContainerInstance, name: "CPU" | "MEMORY"): number {
  return resource(ci, "remainingResources", name)?.integerValue ?? 0;
}

export interface Availability {
  cpu: number;
  memory: number;
  tcp: Set<string>;
  udp: Set<string>;
}

/**
 * An instance's remaining resources. The host ports in use are read only when a task asks for one:
 * placement looks at every instance of the cluster for each task, and most tasks ask for none.
 */
class Remaining implements Availability {
  cpu: number;
  memory: number;
  private tcpPorts?: Set<string>;
  private udpPorts?: Set<string>;

  constructor(
    private readonly ci: ContainerInstance,
    private readonly dynamic: ReadonlySet<string> | undefined,
  ) {
    this.cpu = remaining(ci, "CPU");
    this.memory = remaining(ci, "MEMORY");
  }

  get tcp(): Set<string> {
    return (this.tcpPorts ??= this.ports("PORTS", "tcp"));
  }

  get udp(): Set<string> {
    return (this.udpPorts ??= this.ports("PORTS_UDP", "udp"));
  }

  private ports(name: string, protocol: "tcp" | "udp"): Set<string> {
    const set = new Set(resource(this.ci, "remainingResources", name)?.stringSetValue ?? []);
    for (const key of this.dynamic ?? []) {
      const slash = key.indexOf("/");
      if ((key.slice(0, slash) === "udp") === (protocol === "udp")) set.add(key.slice(slash + 1));
    }
    return set;
  }
}

/**
 * Host ports ECS picked for `hostPort: 0` on one instance, as `tcp/32768`: automatically assigned
 * ports do not count toward an instance's reserved ports (the API reference of PortMapping), so
 * they stay out of `remainingResources` PORTS, but are kept here so none is handed out twice.
 */
export type DynamicPorts = Set<string>;

export function available(ci: ContainerInstance, dynamic?: ReadonlySet<string>): Availability {
  return new Remaining(ci, dynamic);
}

/** The first reason an instance cannot take a task, in the order ECS reports them, or undefined when it can. */
export function shortfall(needs: TaskNeeds, a: Availability): "RESOURCE:CPU" | "RESOURCE:MEMORY" | "RESOURCE:PORTS" | undefined {
  if (needs.cpu > a.cpu) return "RESOURCE:CPU";
  if (needs.memory > a.memory) return "RESOURCE:MEMORY";
  return portShortfall(needs, a);
}

/** Whether a host port the task asks for is taken (or asked for twice): the last of shortfall's checks. */
export function portShortfall(needs: TaskNeeds, a: Pick<Availability, "tcp" | "udp">): "RESOURCE:PORTS" | undefined {
  if (needs.ports.length === 0) return undefined;
  const wanted = new Set<string>();
  for (const p of needs.ports) {
    if (p.hostPort === 0) continue;
    const key = `${p.protocol}/${p.hostPort}`;
    if (wanted.has(key) || (p.protocol === "udp" ? a.udp : a.tcp).has(String(p.hostPort))) return "RESOURCE:PORTS";
    wanted.add(key);
  }
  return undefined;
}

function adjust(ci: ContainerInstance, name: string, delta: number): void {
  const r = resource(ci, "remainingResources", name);
  if (r) r.integerValue = (r.integerValue ?? 0) + delta;
}

function portSet(ci: ContainerInstance, protocol: "tcp" | "udp"): Resource | undefined {
  return resource(ci, "remainingResources", protocol === "udp" ? "PORTS_UDP" : "PORTS");
}

/** Takes CPU, memory and ports from the instance; answers the host bindings, dynamic ports chosen (and kept in `dynamic`). */
export function reserve(ci: ContainerInstance, needs: TaskNeeds, dynamic: DynamicPorts): NetworkBinding[] {
  adjust(ci, "CPU", -needs.cpu);
  adjust(ci, "MEMORY", -needs.memory);
  const bindings: NetworkBinding[] = [];
  for (const p of needs.ports) {
    const set = portSet(ci, p.protocol);
    let hostPort = p.hostPort;
    if (hostPort === 0) {
      const used = new Set(set?.stringSetValue ?? []);
      const taken = (port: number): boolean => used.has(String(port)) || dynamic.has(`${p.protocol}/${port}`);
      hostPort = EPHEMERAL_PORTS.first;
      while (taken(hostPort) && hostPort < EPHEMERAL_PORTS.last) hostPort++;
      dynamic.add(`${p.protocol}/${hostPort}`);
    } else if (set) set.stringSetValue = [...(set.stringSetValue ?? []), String(hostPort)];
    bindings.push({ bindIP: "0.0.0.0", containerPort: p.containerPort, hostPort, protocol: p.protocol });
  }
  return bindings;
}

/** Takes a host port back from the instance: a dynamic one from `dynamic`, else from its PORTS. */
export function releasePort(ci: ContainerInstance, b: NetworkBinding, dynamic: DynamicPorts): void {
  const protocol = (b.protocol ?? "tcp") as "tcp" | "udp";
  if (dynamic.delete(`${protocol}/${b.hostPort}`)) return;
  const set = portSet(ci, protocol);
  if (!set?.stringSetValue) return;
  const i = set.stringSetValue.indexOf(String(b.hostPort));
  if (i >= 0) set.stringSetValue.splice(i, 1);
}

/** Gives back what `reserve` took. */
export function release(ci: ContainerInstance, cpu: number, memory: number, bindings: NetworkBinding[], dynamic: DynamicPorts): void {
  adjust(ci, "CPU", cpu);
  adjust(ci, "MEMORY", memory);
  for (const b of bindings) releasePort(ci, b, dynamic);
}
