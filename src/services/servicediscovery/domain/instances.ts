// Registered instances: what a service's DNS records need of their attributes, their health (custom
// health checks start HEALTHY unless AWS_INIT_HEALTH_STATUS says otherwise; without any health check
// it is UNKNOWN), and discovery by namespace and service name.
import { InvalidInput, NamespaceNotFound, ServiceNotFound } from "../generated/errors.js";
import type { HealthStatusFilter, HttpInstanceSummary } from "../generated/types.js";
import type { InstanceHealth, InstanceRecord, NamespaceRecord, ServiceDiscoveryState, ServiceRecord } from "../store.js";

const REQUIRED: Record<string, string[]> = { A: ["AWS_INSTANCE_IPV4"], AAAA: ["AWS_INSTANCE_IPV6"], CNAME: ["AWS_INSTANCE_CNAME"], SRV: ["AWS_INSTANCE_PORT"] };

/** The attributes a service's DNS records need, in Cloud Map's words when one is missing. */
export function checkAttributes(sr: ServiceRecord, attributes: Record<string, string>): void {
  if (attributes.AWS_ALIAS_DNS_NAME) return;
  for (const r of sr.service.DnsConfig?.DnsRecords ?? []) {
    for (const key of REQUIRED[r.Type] ?? []) {
      if (attributes[key] === undefined) throw new InvalidInput(`Instance attribute ${key} is required for a service with ${r.Type} records.`);
    }
    if (r.Type === "SRV" && attributes.AWS_INSTANCE_IPV4 === undefined && attributes.AWS_INSTANCE_IPV6 === undefined) {
      throw new InvalidInput("Instance attribute AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6 is required for a service with SRV records.");
    }
  }
  if (attributes.AWS_INSTANCE_PORT !== undefined && !/^\d{1,5}$/.test(attributes.AWS_INSTANCE_PORT)) throw new InvalidInput("AWS_INSTANCE_PORT must be a port number.");
  if (attributes.AWS_INIT_HEALTH_STATUS !== undefined && !["HEALTHY", "UNHEALTHY"].includes(attributes.AWS_INIT_HEALTH_STATUS)) throw new InvalidInput("AWS_INIT_HEALTH_STATUS must be HEALTHY or UNHEALTHY.");
}

export function hasHealthCheck(sr: ServiceRecord): boolean {
  return sr.service.HealthCheckCustomConfig !== undefined || sr.service.HealthCheckConfig !== undefined;
}

function initialHealth(sr: ServiceRecord, attributes: Record<string, string>): InstanceHealth {
  if (!hasHealthCheck(sr)) return "UNKNOWN";
  return attributes.AWS_INIT_HEALTH_STATUS === "UNHEALTHY" ? "UNHEALTHY" : "HEALTHY";
}

/** Registers (or, under a known id, replaces) an instance. */
export function registerInstance(sr: ServiceRecord, id: string, attributes: Record<string, string>, creatorRequestId?: string): InstanceRecord {
  checkAttributes(sr, attributes);
  const rec: InstanceRecord = { id, attributes: { ...attributes }, health: initialHealth(sr, attributes), ...(creatorRequestId ? { creatorRequestId } : {}) };
  sr.instances.set(id, rec);
  sr.revision++;
  return rec;
}

export function deregisterInstance(sr: ServiceRecord, id: string): boolean {
  const had = sr.instances.delete(id);
  if (had) sr.revision++;
  return had;
}

export function setHealth(sr: ServiceRecord, inst: InstanceRecord, health: InstanceHealth): void {
  if (inst.health === health) return;
  inst.health = health;
  sr.revision++;
}

/** The name an HTTP client discovers a namespace by: its HttpName, else its name. */
export function discoveryName(ns: NamespaceRecord): string {
  return ns.namespace.Properties?.HttpProperties?.HttpName ?? ns.namespace.Name!;
}

export function findByNames(state: ServiceDiscoveryState, namespace: string, service: string): { ns: NamespaceRecord; sr: ServiceRecord } {
  const ns = [...state.namespaces.values()].find((n) => discoveryName(n) === namespace || n.namespace.Name === namespace);
  if (!ns) throw new NamespaceNotFound(`Namespace not found: ${namespace}`);
  const sr = [...state.services.values()].find((s) => s.service.NamespaceId === ns.namespace.Id && s.service.Name === service);
  if (!sr) throw new ServiceNotFound(`Service not found: ${service}`);
  return { ns, sr };
}

/** The instances a health filter lets through; a service without a health check lets all through. */
export function byHealth(sr: ServiceRecord, filter: HealthStatusFilter = "HEALTHY"): InstanceRecord[] {
  const all = [...sr.instances.values()];
  if (!hasHealthCheck(sr) || filter === "ALL") return all;
  const healthy = all.filter((i) => i.health === "HEALTHY");
  if (filter === "HEALTHY") return healthy;
  if (filter === "UNHEALTHY") return all.filter((i) => i.health === "UNHEALTHY");
  return healthy.length ? healthy : all;
}

export function discover(
  state: ServiceDiscoveryState,
  q: { NamespaceName: string; ServiceName: string; HealthStatus?: HealthStatusFilter; QueryParameters?: Record<string, string>; OptionalParameters?: Record<string, string>; MaxResults?: number },
): { instances: HttpInstanceSummary[]; revision: number } {
  const { ns, sr } = findByNames(state, q.NamespaceName, q.ServiceName);
  const matches = (i: InstanceRecord, params: Record<string, string>) => Object.entries(params).every(([k, v]) => i.attributes[k] === v);
  let found = byHealth(sr, q.HealthStatus).filter((i) => matches(i, q.QueryParameters ?? {}));
  if (q.OptionalParameters && Object.keys(q.OptionalParameters).length) {
    const narrowed = found.filter((i) => matches(i, q.OptionalParameters!));
    if (narrowed.length) found = narrowed;
  }
  const instances = found.slice(0, q.MaxResults ?? 100).map((i) => ({
    InstanceId: i.id,
    NamespaceName: discoveryName(ns),
    ServiceName: sr.service.Name,
    HealthStatus: i.health,
    Attributes: { ...i.attributes },
  }));
  return { instances, revision: sr.revision };
}
