// The ECS state of one account in one region: plain data shaped like the API's own structures.
import type { Cluster, ContainerInstance, Service, Tag, Task, TaskDefinition } from "./generated/types.js";

export interface ClusterRecord {
  /** Counts (running tasks, instances, services) are derived when described, never stored. */
  cluster: Cluster;
  /** Container instances by id (the 32-hex tail of their ARN). */
  instances: Map<string, ContainerInstance>;
  /** Tasks by id, in the order they were started. */
  tasks: Map<string, Task>;
  /** Services by name, ACTIVE and DRAINING; INACTIVE ones stay describable for a while. */
  services: Map<string, ServiceRecord>;
}

export interface ServiceRecord {
  service: Service;
}

export interface EcsState {
  accountId: string;
  region: string;
  /** Clusters by name; a deleted cluster stays as INACTIVE until its name is created again. */
  clusters: Map<string, ClusterRecord>;
  /** Task definitions by family; revision N is at index N - 1. */
  taskDefinitions: Map<string, TaskDefinition[]>;
  /** Tags by resource ARN, for every taggable resource. */
  tags: Map<string, Tag[]>;
}

export function createEcsState(accountId: string, region: string): EcsState {
  return { accountId, region, clusters: new Map(), taskDefinitions: new Map(), tags: new Map() };
}
