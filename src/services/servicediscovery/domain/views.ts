// Namespaces and services as the API shows them: counts derived, summaries without the request id.
import type { Namespace, NamespaceSummary, Service, ServiceSummary } from "../generated/types.js";
import type { NamespaceRecord, ServiceDiscoveryState, ServiceRecord } from "../store.js";
import { servicesIn } from "./lookup.js";

export function namespaceView(state: ServiceDiscoveryState, ns: NamespaceRecord): Namespace {
  return { ...structuredClone(ns.namespace), ServiceCount: servicesIn(state, ns.namespace.Id!).length };
}

export function namespaceSummary(state: ServiceDiscoveryState, ns: NamespaceRecord): NamespaceSummary {
  const { CreatorRequestId: _, ...rest } = namespaceView(state, ns);
  return rest;
}

export function serviceView(sr: ServiceRecord): Service {
  return { ...structuredClone(sr.service), InstanceCount: sr.instances.size };
}

export function serviceSummary(sr: ServiceRecord): ServiceSummary {
  const { CreatorRequestId: _c, NamespaceId: _n, ...rest } = serviceView(sr);
  const dns = rest.DnsConfig ? { DnsConfig: { ...(rest.DnsConfig.RoutingPolicy ? { RoutingPolicy: rest.DnsConfig.RoutingPolicy } : {}), DnsRecords: rest.DnsConfig.DnsRecords } } : {};
  return { ...rest, ...dns };
}
