// Finding namespaces, services and instances by id or ARN, with Cloud Map's "not found" answers.
import { InstanceNotFound, NamespaceNotFound, ServiceNotFound } from "../generated/errors.js";
import type { InstanceRecord, NamespaceRecord, ServiceDiscoveryState, ServiceRecord } from "../store.js";
import { idOf } from "./ids.js";

export const notFound = {
  namespace: (id: string) => new NamespaceNotFound(`Namespace not found: ${id}`),
  service: (id: string) => new ServiceNotFound(`Service not found: ${id}`),
  instance: (id: string) => new InstanceNotFound(`Instance not found: ${id}`),
};

export function getNamespace(state: ServiceDiscoveryState, ref: string): NamespaceRecord {
  const rec = state.namespaces.get(idOf(ref));
  if (!rec) throw notFound.namespace(idOf(ref));
  return rec;
}

export function getService(state: ServiceDiscoveryState, ref: string): ServiceRecord {
  const rec = state.services.get(idOf(ref));
  if (!rec) throw notFound.service(idOf(ref));
  return rec;
}

export function getInstance(sr: ServiceRecord, id: string): InstanceRecord {
  const rec = sr.instances.get(id);
  if (!rec) throw notFound.instance(id);
  return rec;
}

export function namespaceOf(state: ServiceDiscoveryState, sr: ServiceRecord): NamespaceRecord | undefined {
  return state.namespaces.get(sr.service.NamespaceId!);
}

export function servicesIn(state: ServiceDiscoveryState, namespaceId: string): ServiceRecord[] {
  return [...state.services.values()].filter((s) => s.service.NamespaceId === namespaceId);
}
