// The seam between the task lifecycle and whatever runs containers: the lifecycle asks a runtime to
// start and stop a task, and the runtime answers later through the task's events, never inline.
import type { ContainerInstance, HealthStatus, NetworkBinding, Task, TaskDefinition, TaskStopCode } from "../services/ecs/generated/types.js";

/** ECS's reason for a container the kernel killed for memory (exit code 137). */
export const OUT_OF_MEMORY = "OutOfMemoryError: Container killed due to memory usage";

/** One task as a runtime sees it. The task object is the lifecycle's: a runtime reads it and reports, it never writes it. */
export interface TaskRun {
  accountId: string;
  region: string;
  clusterName: string;
  task: Task;
  td: TaskDefinition;
  /** The container instance an EC2 task was placed on; none for Fargate. */
  instance?: ContainerInstance;
  /** Whether a service started the task (a service replaces a task whose health check fails). */
  service: boolean;
  /**
   * The values of the containers' `secrets`, by container name and variable, read when the task
   * starts (ECS's scheduler/secrets.ts): for the containers' environment only, never stored or shown.
   */
  secrets?: Record<string, Record<string, string>>;
  /** The variables of the containers' `environmentFiles` (ECS's scheduler/environmentFiles.ts), by container name, read with the secrets. */
  environmentFiles?: Record<string, Record<string, string>>;
}

/** What happened to one container. */
export interface ContainerReport {
  name: string;
  runtimeId?: string;
  status?: "RUNNING" | "STOPPED";
  exitCode?: number;
  reason?: string;
  health?: HealthStatus;
  networkBindings?: NetworkBinding[];
  imageDigest?: string;
}

/** Where a runtime reports on one task; each call is applied on the timeline, in order. */
export interface TaskEvents {
  /**
   * Every container that must start has started: the task can become RUNNING. In awsvpc mode the
   * task's network namespace has an address, which becomes its network interface's private address.
   */
  started(containers: ContainerReport[], privateIpv4Address?: string): void;
  changed(report: ContainerReport): void;
  /** The task cannot go on (a pull that failed, a container that could not start, a lost engine). */
  failed(stopCode: TaskStopCode, reason: string): void;
  /** Every container of the task has stopped after `stop` (or never existed). */
  stopped(): void;
}

/** What a running task's containers use at a moment, as the engine measures it. */
export interface TaskUsage {
  /** CPU in ECS's units: 1024 is one vCPU busy. */
  cpuUnits: number;
  memoryMiB: number;
}

/** How a container reaches its host, for the endpoints it is given: its network mode and, on a bridge, the bridge's gateway. */
export interface ContainerNetwork {
  mode: string;
  /** The engine's bridge gateway (the host as bridge and awsvpc containers reach it); undefined when the engine does not say. */
  gateway(): Promise<string | undefined>;
}

/** What ECS adds to a container's environment (the task endpoints, the region): set by the data plane (src/dataplane/). */
export type TaskEnvironment = (run: TaskRun, container: string, network: ContainerNetwork) => Promise<Record<string, string>>;

/** An image the engine pulls from ecs-local's registry (ECR), with the credentials it pulls with. */
export interface RegistryPull {
  /** `localhost:<port>/<name>`: what the engine pulls. */
  repository: string;
  tag?: string;
  digest?: string;
  auth: { username: string; password: string; serveraddress: string };
}

/** Set by the data plane: where a task's image comes from when it is ECR's; undefined for any other image. */
export type ImageSource = (image: string, run: TaskRun) => Promise<RegistryPull | undefined>;

/** A container as its engine knows it, for the task metadata endpoint. */
export interface ContainerFacts {
  dockerId: string;
  dockerName: string;
  /** `sha256:…`, the image's id on the engine. */
  imageId?: string;
  /** RFC 3339 with nanoseconds, as the engine writes them. */
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  ipv4Address?: string;
  macAddress?: string;
  /** The bytes the container wrote to its own layer (ephemeral storage in use). */
  sizeRw?: number;
}

export interface ContainerRuntime {
  readonly kind: "simulated" | "docker";
  /** Whether a task leaves `status` when the runtime says so, rather than when its timer fires. */
  holds(status: string): boolean;
  /** Starts the task's containers (entered PENDING); answers through `events`. */
  start(run: TaskRun, events: TaskEvents): void;
  /** Stops the task's containers (entered STOPPING): SIGTERM, then SIGKILL after the stop timeout. */
  stop(run: TaskRun, events: TaskEvents): void;
  /** The engine (or host) an instance's tasks run on, when the runtime has several. */
  endpointOf?(instance: ContainerInstance): string;
  /** Set by the backend: told when an engine stops answering (its instances are lost) and when it answers again. */
  onEngine?: (endpoint: string, up: boolean) => void;
  /**
   * Takes over a task an earlier run of this server left with the runtime (a restart with a state
   * directory): finds its containers by their labels and follows them again; what changed while
   * nobody watched arrives through `events`. `status` is the task's last one: a PENDING task's start
   * is done again from the beginning, a STOPPING task's stop is carried out.
   */
  resume?(run: TaskRun, events: TaskEvents, status: string): Promise<void>;
  /** Removes containers this runtime's owner started whose task is not in `keep` (left by an earlier run), on these engines. */
  sweep?(keep: ReadonlySet<string>, endpoints: string[]): Promise<void>;
  /**
   * What the task's running containers use now (service auto scaling's CPU and memory utilization);
   * absent where nothing runs (the simulated runtime), undefined for a task it does not run.
   */
  usage?(taskArn: string): Promise<TaskUsage | undefined>;
  /** Set by the data plane: what each container's environment gets besides its definition's. */
  taskEnvironment?: TaskEnvironment;
  /** Set by the data plane: images from ECR, pulled from ecs-local's registry. */
  imageSource?: ImageSource;
  /** The task's containers as the engine knows them, by container name; undefined for a task it does not run. */
  inspect?(taskArn: string): Promise<Map<string, ContainerFacts> | undefined>;
  /** The engine's stats (its own JSON) of each of the task's containers, by container name. */
  stats?(taskArn: string): Promise<Map<string, unknown> | undefined>;
  /** Removes every container this runtime started (reset), unless configured to keep them. */
  reset(): Promise<void>;
  /** Stops watching; the containers are removed (as on reset) unless they outlive the server (kept, or a state directory). */
  close(): Promise<void>;
}
