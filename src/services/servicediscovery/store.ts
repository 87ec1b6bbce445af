// Cloud Map of one account in one region: namespaces, their services with registered instances,
// the operations that changed them, and tags by ARN.
import type { IdSource } from "../../state/ids.js";
import type { Namespace, Operation, Service, Tag } from "./generated/types.js";

export type InstanceHealth = "HEALTHY" | "UNHEALTHY" | "UNKNOWN";

export interface InstanceRecord {
  id: string;
  attributes: Record<string, string>;
  creatorRequestId?: string;
  health: InstanceHealth;
}

export interface ServiceRecord {
  /** As GetService shows it, InstanceCount derived. */
  service: Service;
  instances: Map<string, InstanceRecord>;
  attributes: Map<string, string>;
  /** Grows with every change to the instances or their health (DiscoverInstancesRevision). */
  revision: number;
}

export interface NamespaceRecord {
  namespace: Namespace;
  /** Private DNS namespaces: the VPC they are in. */
  vpc?: string;
}

export interface ServiceDiscoveryState {
  accountId: string;
  region: string;
  ids: IdSource;
  namespaces: Map<string, NamespaceRecord>;
  services: Map<string, ServiceRecord>;
  operations: Map<string, Operation>;
  tags: Map<string, Tag[]>;
  /** CreatorRequestId → the operation (or service) it made, so a retried request answers the same. */
  requests: Map<string, string>;
}

export function createServiceDiscoveryState(accountId: string, region: string, ids: IdSource): ServiceDiscoveryState {
  return { accountId, region, ids, namespaces: new Map(), services: new Map(), operations: new Map(), tags: new Map(), requests: new Map() };
}
