// The ECS state of one account in one region: plain data shaped like the API's own structures.
import type {
  CapacityProvider,
  CapacityProviderStrategyItem,
  Cluster,
  ContainerInstance,
  LaunchType,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Service,
  ServiceDeployment,
  ServiceRevision,
  Tag,
  Task,
  TaskDefinition,
  DaemonTaskDefinition,
} from "./generated/types.js";
import type { IdSource } from "../../state/ids.js";
import type { TaskIndex } from "./domain/taskIndex.js";
import type { ManagedProvider, WaitingTask } from "./capacity/types.js";
import type { DaemonRecord, DeploymentRecord, RevisionRecord } from "./daemons/types.js";
import type { ManagedInstance } from "./managedInstances/types.js";
import type { ExpressGateway, ExpressRecord } from "./express/types.js";

export interface ClusterRecord {
  /** Counts (running tasks, instances, services) are derived when described, never stored. */
  cluster: Cluster;
  /** Container instances by id (the 32-hex tail of their ARN). */
  instances: Map<string, ContainerInstance>;
  /** Tasks by id, in the order they were started. */
  tasks: Map<string, Task>;
  /** Derived indexes over `tasks` (order, counts, tasks per instance), kept as tasks change. */
  index: TaskIndex;
  /** Services by name, ACTIVE and DRAINING; INACTIVE ones stay describable for a while. */
  services: Map<string, ServiceRecord>;
  /** Host ports picked for `hostPort: 0`, per container instance id (domain/resources.ts `DynamicPorts`). */
  dynamicPorts: Map<string, Set<string>>;
  /** Tasks waiting for a managed-scaling capacity provider's instances, by task id, oldest first. */
  waiting: Map<string, WaitingTask>;
  /** Managed instances (container instance ids) whose daemon tasks have not all reached RUNNING: no application task goes there yet. */
  unready?: Set<string>;
}

/** The dynamic host ports in use on one of the cluster's instances. */
export function dynamicPortsOf(rec: ClusterRecord, ci: ContainerInstance): Set<string> {
  const arn = ci.containerInstanceArn!;
  // Cut, not split: every task placed asks this of its instance.
  const id = arn.slice(arn.lastIndexOf("/") + 1);
  let ports = rec.dynamicPorts.get(id);
  if (!ports) {
    ports = new Set();
    rec.dynamicPorts.set(id, ports);
  }
  return ports;
}

export interface ServiceRecord {
  /** The service as the API shows it; counts are refreshed whenever its tasks change. */
  service: Service;
  /** What each deployment (or, for an EXTERNAL service, each task set) starts its tasks with, by its id; the service's `taskSets` hold the task sets. */
  launches: Map<string, ServiceLaunch>;
  /** The service's tasks that have not reached STOPPED, by task id: the reconciler never scans the cluster. */
  tasks: Map<string, Task>;
  /** The CreateService request in canonical form, to tell an idempotent re-create from a conflicting one. */
  created: string;
  /** The last problem event written; the same problem is not written again until it clears. */
  lastProblem?: string;
  /** Whether the steady-state event has been written since the service last changed. */
  steady: boolean;
  /** Set once a DRAINING service is on its way to INACTIVE. */
  retiring?: boolean;
  /** An Express service's canary: tasks of earlier deployments stay until its traffic has shifted. */
  holdLeaving?: boolean;
  /** Service deployments (ListServiceDeployments) with the deployment each one made, newest first. */
  history: { deploymentId: string; serviceDeployment: ServiceDeployment; rollbackDeploymentId?: string }[];
  /** Targets each task (by id) holds in the service's target groups, registered once it ran. */
  targets?: Map<string, RegisteredTarget[]>;
  /** Service revisions: immutable snapshots of what each deployment launches, kept after its tasks are gone. */
  revisions?: ServiceRevisionStore;
}

/** A task's place in a target group: its instance and host port, or its address and container port. */
export interface RegisteredTarget {
  targetGroupArn: string;
  id: string;
  port: number;
}

/**
 * Lists rather than maps: a service has a revision or two, and two maps of one entry each held about
 * 400 bytes for as long as the service (an INACTIVE one an hour) is kept.
 */
export interface ServiceRevisionStore {
  /** Each revision with the launch it was made from (let go once the service is INACTIVE: nothing launches again), oldest first. */
  revisions: { revision: ServiceRevision; launch?: ServiceLaunch }[];
  /** The revision each deployment launches, as pairs [deployment id, revision ARN, …]; a rollback's deployment launches an older one. */
  byDeployment: string[];
}

export interface ServiceLaunch {
  td: TaskDefinition;
  launchType: LaunchType;
  capacityProviderName?: string;
  /** The capacity provider strategy the deployment's tasks are spread over, when it has one. */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
  platformVersion?: string;
  enableExecuteCommand?: boolean;
}

export interface EcsState {
  accountId: string;
  region: string;
  /** The server's id source, shared by all its regions: not data (persistence keeps its position apart). */
  ids: IdSource;
  /** Clusters by name; a deleted cluster stays as INACTIVE until its name is created again. */
  clusters: Map<string, ClusterRecord>;
  /** Task definitions by family; revision N is at index N - 1. */
  taskDefinitions: Map<string, TaskDefinition[]>;
  /** Tags by resource ARN, for every taggable resource. */
  tags: Map<string, Tag[]>;
  /** Account settings set explicitly, by principal ARN then setting name; the root user's are the account defaults. */
  accountSettings: Map<string, Map<string, string>>;
  /** Scale-in protection by task ARN: when it expires, in epoch seconds; an expired entry protects nothing. */
  taskProtection: Map<string, number>;
  /** The account's own capacity providers by name (FARGATE and FARGATE_SPOT are built in, not stored). */
  capacityProviders: Map<string, CapacityProvider>;
  /** What managed scaling and draining keep for each provider, by provider name. */
  managed: Map<string, ManagedProvider>;
  /** EC2 instances ECS drains for a group's managed draining hook, with the group's name. */
  drainingHooks: Map<string, string>;
  /** The security groups of each awsvpc task not yet stopped, by task ARN, for the EC2 interface it gets. */
  taskSecurityGroups: Map<string, string[]>;
  /** Tasks whose awsvpc configuration asks for a public address (`assignPublicIp: ENABLED`); Fargate gives them one. */
  taskPublicIps: Set<string>;
  /** The role credentials of each task that runs with roles and has not stopped, by task ARN (scheduler/taskCredentials.ts). */
  taskCredentials: Map<string, TaskCredentials>;
  /** Daemon task definitions by family; revision N is at index N - 1. */
  daemonTaskDefinitions: Map<string, DaemonTaskDefinition[]>;
  /** Daemons by ARN, deleted ones until they are forgotten. */
  daemons: Map<string, DaemonRecord>;
  daemonRevisions: Map<string, RevisionRecord>;
  daemonDeployments: Map<string, DeploymentRecord>;
  /** EC2 instances ECS launched for Managed Instances capacity providers, by EC2 instance id. */
  managedInstances: Map<string, ManagedInstance>;
  /** Express services by service ARN, and the load balancers they share, by VPC id. */
  express: Map<string, ExpressRecord>;
  expressGateways: Map<string, ExpressGateway>;
}

/** One of a task's roles as its containers get it: the id they ask by, and the STS session serving it now. */
export interface RoleCredentials {
  /** The `<id>` of `/v2/credentials/<id>`; the same for the task's whole life. */
  id: string;
  roleArn: string;
  /** The current STS session's access key id; a refresh replaces it. */
  accessKeyId: string;
}

export interface TaskCredentials {
  task?: RoleCredentials;
  execution?: RoleCredentials;
  /** What AWS_CONTAINER_AUTHORIZATION_TOKEN carries where the credentials are asked for by full URI. */
  token: string;
}

export function createEcsState(accountId: string, region: string, ids: IdSource): EcsState {
  return {
    ...{ accountId, region, ids, clusters: new Map(), taskDefinitions: new Map(), tags: new Map(), accountSettings: new Map(), taskProtection: new Map() },
    ...{ capacityProviders: new Map(), managed: new Map(), drainingHooks: new Map(), taskSecurityGroups: new Map(), taskPublicIps: new Set(), taskCredentials: new Map() },
    ...{ daemonTaskDefinitions: new Map(), daemons: new Map(), daemonRevisions: new Map(), daemonDeployments: new Map(), managedInstances: new Map(), express: new Map(), expressGateways: new Map() },
  };
}
