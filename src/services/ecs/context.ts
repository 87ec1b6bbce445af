// What an ECS operation receives besides its input, and the shape of the dispatch table.
import type { ServiceRegistries } from "./scheduler/serviceRegistries.js";
import type { Config } from "../../config.js";
import type { ContainerRuntime } from "../../runtime/runtime.js";
import type { Timeline } from "../../engine/timeline.js";
import type { RequestContext } from "../../protocol/context.js";
import type { JsonText } from "../../protocol/json.js";
import type { RegionalStore } from "../../state/regional.js";
import type { Backends } from "../backends.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { Task } from "./generated/types.js";
import type { IdSource } from "../../state/ids.js";
import type { TaskJsonCache } from "./domain/tasks.js";
import type { Lifecycle } from "./scheduler/lifecycle.js";
import type { LoadBalancing } from "./scheduler/loadBalancing.js";
import type { Reconciler } from "./scheduler/reconciler.js";
import type { ClusterRecord, EcsState } from "./store.js";
import type { ServiceUsagePort } from "./usagePort.js";
import type { AddressPort } from "./addressPort.js";
import type { ServiceConnectPort } from "./serviceConnectPort.js";
import type { Provisioning } from "./capacity/waiting.js";
import type { TaskEndpointsPort } from "./domain/taskEndpoints.js";
import type { ManagedFleet } from "./managedInstances/fleet.js";
import type { DaemonDeployer } from "./daemons/deployer.js";

/** Told of every task state change, so services can react to what changed and nothing else. */
export type TaskListener = (state: EcsState, cluster: ClusterRecord, task: Task) => void;

export interface EcsBackend {
  config: Config;
  states: RegionalStore<EcsState>;
  timeline: Timeline;
  taskListeners: TaskListener[];
  lifecycle: Lifecycle;
  /** Registers service tasks in Cloud Map (Service Connect, service registries). */
  registries: ServiceRegistries;
  /** The service scheduler, built with the backend; domain code wakes it through here. */
  reconciler: Reconciler;
  /** Places tasks that wait for a managed-scaling capacity provider's instances when capacity changes. */
  provisioning: Provisioning;
  /** Launches and retires the instances of Managed Instances capacity providers. */
  fleet: ManagedFleet;
  /** Moves Managed Daemons' deployments on as their instances change. */
  daemons: DaemonDeployer;
  /** Registers service tasks in their target groups and tells when they are healthy. */
  loadBalancing: LoadBalancing;
  /** The other services' backends (EC2's subnets, ELBv2's target groups), for what ECS checks against them. */
  peers: Backends;
  /** What runs the tasks' containers: the simulated runtime unless configured otherwise. */
  runtime: ContainerRuntime;
  /** Ids, random choices and task addresses of this server (seeded by `--seed`). */
  ids: IdSource;
  /** Encoded task JSON kept for DescribeTasks pollers. */
  taskJson: TaskJsonCache;
  /** The empty map every INACTIVE service holds as its launches and tasks (domain/serviceRetention.ts); refuses entries. */
  noEntries: Map<string, never>;
  /** What a service's running tasks use, for Application Auto Scaling's target tracking. */
  usage: ServiceUsagePort;
  /** Where a load balancer's target really is (the data plane's probes and forwarding). */
  addresses: AddressPort;
  /** Service Connect client aliases, as the containers' name server resolves them. */
  serviceConnect: ServiceConnectPort;
  /** Tasks and their role credentials as the task metadata and credentials endpoints read them (src/dataplane/). */
  endpoints: TaskEndpointsPort;
}

export interface EcsContext {
  state: EcsState;
  backend: EcsBackend;
  request: RequestContext;
  /** The injected clock in epoch seconds, the unit ECS timestamps use on the wire. */
  now(): number;
}

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: EcsContext) => Output<Op> | JsonText<Output<Op>> | Promise<Output<Op>>;

/** Every operation of the model, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
