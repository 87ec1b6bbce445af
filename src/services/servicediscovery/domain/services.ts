// A service's DNS configuration as Cloud Map checks it: DNS namespaces need one (unless the service
// is HTTP-only), HTTP namespaces take none; CNAME records stand alone with WEIGHTED routing; Route 53
// health checks belong to public namespaces.
import { InvalidInput } from "../generated/errors.js";
import type { DnsConfig, HealthCheckConfig, ServiceType } from "../generated/types.js";
import type { NamespaceRecord } from "../store.js";

export function serviceType(ns: NamespaceRecord, dns: DnsConfig | undefined, asked: string | undefined): ServiceType {
  if (asked === "HTTP") {
    if (dns) throw new InvalidInput("DnsConfig cannot be specified for a service of type HTTP.");
    return "HTTP";
  }
  if (ns.namespace.Type === "HTTP") {
    if (dns) throw new InvalidInput("DnsConfig cannot be specified for a service in an HTTP namespace.");
    return "HTTP";
  }
  if (!dns) throw new InvalidInput("DnsConfig is required for a service in a DNS namespace.");
  return "DNS_HTTP";
}

export function checkDns(dns: DnsConfig | undefined): DnsConfig | undefined {
  if (!dns) return undefined;
  const types = dns.DnsRecords.map((r) => r.Type);
  if (!types.length) throw new InvalidInput("DnsRecords must contain at least one record.");
  if (new Set(types).size !== types.length) throw new InvalidInput("DnsRecords cannot contain two records of the same type.");
  const policy = dns.RoutingPolicy ?? "MULTIVALUE";
  if (types.includes("CNAME") && (types.length > 1 || policy !== "WEIGHTED")) throw new InvalidInput("A CNAME record must be the only record and requires the WEIGHTED routing policy.");
  const { NamespaceId: _, ...rest } = dns;
  return { ...rest, RoutingPolicy: policy };
}

export function checkHealthConfig(ns: NamespaceRecord, hc: HealthCheckConfig | undefined, custom: unknown): void {
  if (hc && custom) throw new InvalidInput("HealthCheckConfig and HealthCheckCustomConfig cannot both be specified.");
  if (hc && ns.namespace.Type !== "DNS_PUBLIC") throw new InvalidInput("HealthCheckConfig can be specified only for a service in a public DNS namespace.");
  if (hc && hc.Type !== "TCP" && hc.ResourcePath === undefined) hc.ResourcePath = "/";
  if (hc && hc.Type === "TCP" && hc.ResourcePath !== undefined) throw new InvalidInput("ResourcePath cannot be specified for a TCP health check.");
  if (hc) hc.FailureThreshold ??= 1;
}
