// Every service ecs-local serves, each with its protocol and model: the app routes requests, resets
// state, reports health and warms validators through this list, never by naming a service.
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { configuredRuntime } from "../runtime/index.js";
import type { LogSink } from "../runtime/awslogs.js";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../runtime/runtime.js";
import { SimulatedRuntime } from "../runtime/simulated.js";
import type { Timeline } from "../engine/timeline.js";
import type { JsonService } from "../protocol/json.js";
import type { QueryService } from "../protocol/query.js";
import type { RestXmlService } from "../protocol/restXml.js";
import type { ServedService } from "../protocol/service.js";
import { inputSchemaOperations, validatorFor } from "../protocol/validate.js";
import type { Backends } from "./backends.js";
import { createEcsBackend, ecsJsonService, useRuntime } from "./ecs/service.js";
import { createEc2Backend, ec2QueryService } from "./ec2/service.js";
import { createElbv2Backend, elbv2QueryService } from "./elbv2/service.js";
import { createLogsBackend, logsJsonService, logsSink } from "./logs/service.js";
import { createStsBackend, stsQueryService } from "./sts/service.js";
import { createIamBackend, iamQueryService } from "./iam/service.js";
import { createSsmBackend, ssmJsonService } from "./ssm/service.js";
import { createSecretsManagerBackend, secretsManagerJsonService } from "./secretsmanager/service.js";
import { autoScalingQueryService, connectAutoScaling, createAutoScalingBackend } from "./autoscaling/service.js";
import { applicationAutoScalingJsonService, createApplicationAutoScalingBackend } from "./application-autoscaling/service.js";
import { cloudFormationQueryService, createCloudFormationBackend } from "./cloudformation/service.js";
import { createServiceDiscoveryBackend, serviceDiscoveryJsonService } from "./servicediscovery/service.js";
import { createS3Backend, s3RestXmlService } from "./s3/service.js";
import { createEcrBackend, ecrJsonService } from "./ecr/service.js";
import { inProcessClient } from "./inProcess.js";
import type { CallerLookup } from "../protocol/context.js";
import { connectInstanceAgent, loadInstanceAgent } from "./ecs/agent/lazyAgent.js";
import { eventsForRun, resumeTasks } from "./ecs/scheduler/runtimeEvents.js";
import { connectManagedDraining } from "./ecs/capacity/draining.js";

export type { Backends } from "./backends.js";

export interface ServiceHealth {
  /** Operations in the service's model. */
  operations: number;
  /** Operations ecs-local implements. */
  supported: number;
}

export interface Registry {
  /** awsJson services, found by X-Amz-Target prefix. */
  json: JsonService[];
  /** Query and EC2 services, found by SigV4 scope, else Action and Version. */
  query: QueryService[];
  /** rest-xml services (S3), found by SigV4 scope, or by a virtual-hosted bucket. */
  restXml: RestXmlService[];
  all: ServedService[];
  /** SigV4 service names of the awsJson services: a request signed for one without a target is theirs. */
  jsonSigningNames: ReadonlySet<string>;
  /** SigV4 service names of the rest-xml services: a request signed for one is theirs, whatever its method and path. */
  restXmlSigningNames: ReadonlySet<string>;
  backends: Backends;
  /** Loads every service's operations first: how many are implemented is known only then. */
  health(): Promise<Record<string, ServiceHealth>>;
  /** Loads every service's operations (each loads on its own first request otherwise). */
  load(): Promise<void>;
  reset(): void;
  /**
   * What a warm-up does ahead of need, in small steps: each loads one operation's code or compiles
   * one input validator (a step may return a promise: the step is over when it settles).
   */
  warmSteps(): Iterator<() => Promise<void> | undefined>;
  /** Loading every operation's code, one step each: the first half of the warm-up's steps (a snapshot builder paces them). */
  loadSteps(): Iterable<() => Promise<void> | undefined>;
  /** Settles once the configured container runtime is loaded; serve only after it. */
  ready: Promise<void>;
  /** Stops what runs in the background of the services: the container runtime removes what it started. */
  close(): Promise<void>;
  /** CloudWatch Logs as the container runtimes write to it. */
  sink: LogSink;
  /** What runs ECS's tasks now; persistence replays the journal on one that runs nothing, then swaps back. */
  runtime(): ContainerRuntime;
  useRuntime(runtime: ContainerRuntime): void;
  /** After a restart: the runtime takes over the tasks an earlier run left with it. */
  resumeTasks(): Promise<void>;
  /** Where the runtime's reports on a task go (a snapshot's tasks, before the journal's tail replays). */
  taskEvents(run: TaskRun): TaskEvents;
  /** Who an access key ecs-local issued belongs to: an STS session's role, an IAM user. */
  callers: CallerLookup;
}

export interface RegistryOptions {
  logger: Logger;
  /** What runs tasks' containers; by default the one `config.runtime` names. */
  runtime?: ContainerRuntime;
  /** The name server of the Docker runtime's containers (the data plane's, for Cloud Map names). */
  dnsFor?: (engine: { endpoint: string; call(method: string, path: string): Promise<any> }) => Promise<string | undefined>;
}

export function createRegistry(config: Config, timeline: Timeline, options: RegistryOptions): Registry {
  // Each backend may hold the others (`peers`): all exist before the first request reaches any.
  const backends = {} as Backends;
  // Container output goes where the awslogs driver puts it: CloudWatch Logs on this endpoint.
  backends.logs = createLogsBackend(timeline);
  const sink = logsSink(backends.logs);
  backends.ecs = createEcsBackend(config, timeline, backends, options.runtime ?? new SimulatedRuntime(sink));
  // A configured Docker runtime replaces the simulated one once its code is loaded (before serving).
  const ready = options.runtime ? Promise.resolve() : configuredRuntime(config, sink, options.logger, options.dnsFor).then((r) => r && useRuntime(backends.ecs, r));
  backends.ec2 = createEc2Backend(config, timeline, backends);
  backends.elbv2 = createElbv2Backend(config, timeline, backends);
  backends.sts = createStsBackend(config, timeline, backends);
  backends.iam = createIamBackend(config, timeline, backends);
  backends.ssm = createSsmBackend(config, timeline, backends);
  backends.secretsmanager = createSecretsManagerBackend(config, timeline, backends);
  backends.autoscaling = createAutoScalingBackend(config, timeline, backends);
  backends.applicationAutoScaling = createApplicationAutoScalingBackend(config, timeline, backends);
  backends.cloudformation = createCloudFormationBackend(config, timeline, backends);
  backends.servicediscovery = createServiceDiscoveryBackend(config, timeline, backends);
  backends.s3 = createS3Backend(config, timeline, backends);
  backends.ecr = createEcrBackend(config, timeline, backends);
  // ECS's agent runs on EC2's instances: EC2 tells of instance changes, the agent registers and leaves.
  // Its code loads with EC2's operations (no instance changes before one has run).
  connectInstanceAgent(backends.ecs, backends.ec2);
  // Auto Scaling groups hear of their instances the same way (running, stopped, terminated).
  connectAutoScaling(backends.autoscaling);
  // ECS drains the instances its capacity providers' groups hold on its managed draining hook.
  connectManagedDraining(backends.ecs);
  // Adding a service is an entry here: awsJson ones in `json` (found by X-Amz-Target), query ones in `query`.
  const json: JsonService[] = [
    ecsJsonService(backends.ecs),
    logsJsonService(backends.logs),
    ssmJsonService(backends.ssm),
    secretsManagerJsonService(backends.secretsmanager),
    applicationAutoScalingJsonService(backends.applicationAutoScaling),
    serviceDiscoveryJsonService(backends.servicediscovery),
    ecrJsonService(backends.ecr),
  ];
  const query: QueryService[] = [
    stsQueryService(backends.sts),
    iamQueryService(backends.iam),
    elbv2QueryService(backends.elbv2),
    loadWith(ec2QueryService(backends.ec2), loadInstanceAgent),
    autoScalingQueryService(backends.autoscaling),
    cloudFormationQueryService(backends.cloudformation),
  ];
  const restXml: RestXmlService[] = [s3RestXmlService(backends.s3)];
  backends.client = inProcessClient({ json, query, restXml });
  const all: ServedService[] = [...json, ...query, ...restXml];
  const load = async (): Promise<void> => void (await Promise.all(all.map((s) => s.load?.())));
  function* loadSteps(): Generator<() => Promise<void> | undefined> {
    for (const s of all) for (const op of s.operations) yield () => s.preload?.(op);
  }
  return {
    json,
    query,
    all,
    restXml,
    jsonSigningNames: new Set(json.map((s) => s.signingName)),
    restXmlSigningNames: new Set(restXml.map((s) => s.signingName)),
    backends,
    health: async () => {
      await load();
      return Object.fromEntries(all.map((s) => [s.name, { operations: s.operations.length, supported: s.operations.filter((op) => s.implemented(op)).length }]));
    },
    load,
    reset: () => {
      for (const s of all) s.reset();
    },
    *warmSteps() {
      // What a step fails to load, the operation's first request loads again (and reports).
      for (const load of loadSteps()) yield () => load()?.catch(() => undefined);
      for (const s of all) for (const op of inputSchemaOperations(s.name)) yield () => void validatorFor(s.name, op, "input");
    },
    loadSteps,
    ready,
    close: () => backends.ecs.runtime.close(),
    sink,
    runtime: () => backends.ecs.runtime,
    useRuntime: (r) => useRuntime(backends.ecs, r),
    resumeTasks: () => resumeTasks(backends.ecs),
    taskEvents: (run) => eventsForRun(backends.ecs, run),
    callers: (accessKeyId, sessionToken) => callerOf(backends, accessKeyId, sessionToken),
  };
}

/**
 * The service, whose every load of operations then loads `also` (code that runs only once one has):
 * after, not beside, since vitest's module runner can deadlock on two imports of one cycle at once.
 */
function loadWith<S extends ServedService>(service: S, also: () => Promise<void> | undefined): S {
  const load = service.load?.bind(service);
  service.load = (operation) => {
    const own = load?.(operation);
    return own ? own.then(() => also()) : also();
  };
  return service;
}

/** The owner of a key ecs-local issued: a role session (STS) or an IAM user; undefined for any other key. */
function callerOf(backends: Backends, accessKeyId: string, sessionToken: string | undefined): ReturnType<CallerLookup> {
  return backends.sts.callerOf(accessKeyId, sessionToken) ?? backends.iam.callerOf(accessKeyId);
}
