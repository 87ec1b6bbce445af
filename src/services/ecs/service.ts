// ECS behind the awsJson protocol: the backend (state, clock, scheduler) and the dispatch into operations.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { RegionalStore } from "../../state/regional.js";
import type { ContainerRuntime } from "../../runtime/runtime.js";
import { SimulatedRuntime } from "../../runtime/simulated.js";
import type { EcsBackend, EcsContext, Handler, Handlers } from "./context.js";
import { ecsEnumError } from "./enumErrors.js";
import { ClientException, UnsupportedFeatureException } from "./generated/errors.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX, type Operation } from "./generated/operations.js";
import { Lifecycle } from "./scheduler/lifecycle.js";
import { LoadBalancing } from "./scheduler/loadBalancing.js";
import { Reconciler } from "./scheduler/reconciler.js";
import { engineChanged } from "./scheduler/runtimeEvents.js";
import { createEcsState } from "./store.js";
import { IdSource } from "../../state/ids.js";
import { TaskJsonCache } from "./domain/tasks.js";
import { lazyOperations } from "../lazy.js";
import { serviceUsagePort } from "./domain/serviceUsage.js";
import { addressPort } from "./addressPort.js";
import { serviceConnectPort } from "./serviceConnectPort.js";
import { ServiceRegistries } from "./scheduler/serviceRegistries.js";
import { Provisioning } from "./capacity/waiting.js";
import { loadAutoScaling } from "./capacity/autoScaling.js";
import { taskEndpointsPort } from "./domain/taskEndpoints.js";
import { ManagedFleet } from "./managedInstances/fleet.js";
import { connectDaemonTasks } from "./daemons/instances.js";
import { DaemonDeployer } from "./daemons/deployer.js";
import { connectExpress, loadExpressWatch } from "./express/lazyWatch.js";
import { loadExpressPeers } from "./express/peers.js";
import { loadEc2 } from "./managedInstances/ec2.js";
import { defineTimer } from "../../engine/timers.js";
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import { NoEntries } from "./domain/serviceRetention.js";

export function createEcsBackend(config: Config, timeline: Timeline, peers: Backends, runtime: ContainerRuntime = new SimulatedRuntime()): EcsBackend {
  const ids = new IdSource(config.seed);
  const states = new RegionalStore((account, region) => createEcsState(account, region, ids));
  const backend = { config, timeline, states, ids, taskJson: new TaskJsonCache(), noEntries: new NoEntries(), taskListeners: [], peers, runtime } as unknown as EcsBackend;
  backend.lifecycle = new Lifecycle(backend);
  // Before the reconciler, so a task is registered (or deregistered) before its service looks again.
  backend.loadBalancing = new LoadBalancing(backend);
  backend.registries = new ServiceRegistries(backend);
  backend.reconciler = new Reconciler(backend);
  backend.provisioning = new Provisioning(backend);
  backend.fleet = new ManagedFleet(backend);
  backend.daemons = new DaemonDeployer(backend);
  connectDaemonTasks(backend);
  connectExpress(backend);
  backend.usage = serviceUsagePort(backend);
  backend.addresses = addressPort(backend);
  backend.serviceConnect = serviceConnectPort(backend);
  backend.endpoints = taskEndpointsPort(backend);
  useRuntime(backend, runtime);
  return backend;
}

/** Runs the backend's tasks on `runtime` from now on; its engines' comings and goings reach the lifecycle. */
export function useRuntime(backend: EcsBackend, runtime: ContainerRuntime): void {
  backend.runtime = runtime;
  runtime.onEngine = (endpoint, up) => void backend.timeline.call(backend.timeline.now(), ENGINE_CHANGED, backend, endpoint, up);
}

const ENGINE_CHANGED = defineTimer("ecs.engineChanged", engineChanged);

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts): the stores and what
// the scheduler's parts keep between turns; the rest (ports, listeners, the runtime, caches) is rebuilt at start.
snapshotBackend("ecs", {
  state: [
    "states",
    "lifecycle.deactivatingHolds",
    "reconciler.dirty",
    "reconciler.starved",
    "reconciler.throttles",
    "reconciler.counted",
    "reconciler.ran",
    "registries.held",
    "provisioning.dirty",
    "fleet.clusters",
    "fleet.instances",
    "daemons.dirty",
  ],
  // The shared empty map is the host's: a restart refers INACTIVE services to its own, as a replay would.
  host: ["config", "timeline", "taskJson", "noEntries", "taskListeners", "lifecycle", "loadBalancing", "reconciler", "registries", "provisioning", "fleet", "daemons", "peers", "runtime", "usage", "addresses", "serviceConnect", "endpoints"],
});

const KNOWN = new Set<string>(OPERATIONS);
const ACTS_ON_GROUPS = new Set<string>(["CreateCapacityProvider", "UpdateCapacityProvider", "PutClusterCapacityProviders", "CreateCluster", "DeleteCluster"]);
/** These check or launch EC2 resources in process (Managed Instances, Express services): loading one loads EC2's operations. */
const ACTS_ON_EC2 = new Set<string>(["CreateCapacityProvider", "UpdateCapacityProvider", "DeleteCapacityProvider"]);
/** Express services make and remove resources in ELBv2, EC2, Logs and Application Auto Scaling. */
const EXPRESS = new Set<string>(["CreateExpressGatewayService", "UpdateExpressGatewayService", "DeleteExpressGatewayService"]);

/** An operation ecs-local lacks answers with an error its model lists: ClientException where UnsupportedFeatureException is not. */
function unsupported(op: Operation): Error {
  const message = `ecs-local does not support ${op} yet.`;
  return OPERATION_ERRORS[op].includes("UnsupportedFeatureException") ? new UnsupportedFeatureException(message) : new ClientException(message);
}

export function ecsJsonService(backend: EcsBackend): JsonService {
  // Operations load when a request needs them, not at start-up (src/services/lazy.ts).
  const operations = lazyOperations<(input: never, ctx: EcsContext) => ReturnType<Handler<Operation>>>(
    (): Promise<{ handlers: Handlers }> => import("./operations/index.js"),
    (name) => import(`./operations/${name}.js`),
  );
  return {
    name: "ecs",
    signingName: "ecs",
    targetPrefix: TARGET_PREFIX,
    operations: OPERATIONS,
    has: (op) => KNOWN.has(op),
    implemented: (op) => operations.handler(op) !== null,
    load: (op) => {
      const own = operations.load(op);
      // Most operations load only themselves; a whole load (a replay, health) goes on to the watcher.
      if (op !== undefined && !(ACTS_ON_GROUPS.has(op) || ACTS_ON_EC2.has(op) || EXPRESS.has(op))) return own;
      // These act on Auto Scaling groups in process, in their own turn: loading one loads those too.
      const pending = [
        own,
        op !== undefined && ACTS_ON_GROUPS.has(op) ? loadAutoScaling(backend) : undefined,
        op !== undefined && ACTS_ON_EC2.has(op) ? loadEc2(backend) : undefined,
        op !== undefined && EXPRESS.has(op) ? loadExpressPeers(backend) : undefined,
        op === "CreateExpressGatewayService" ? loadAutoScaling(backend) : undefined,
      ].filter((p): p is Promise<void> => p !== undefined);
      // Express services are followed by code loaded with their operations or a whole load
      // (express/lazyWatch.ts), after them: vitest's module runner can deadlock on two imports of one cycle at once.
      const watch = op === undefined || EXPRESS.has(op) ? loadExpressWatch : () => undefined;
      return pending.length ? Promise.all(pending).then(() => watch()) : watch();
    },
    preload: (op) => operations.preload(op),
    reset() {
      backend.states.reset();
      backend.reconciler.clear();
      backend.lifecycle.clear();
      backend.registries.clear();
      backend.provisioning.clear();
      backend.fleet.clear();
      backend.daemons.clear();
      backend.taskJson.clear();
      void backend.runtime.reset();
    },
    enumError: ecsEnumError,
    invoke(op, input, request) {
      const handler = operations.handler(op);
      if (!handler) throw unsupported(op as Operation);
      const clock = backend.timeline.clock;
      const ctx: EcsContext = {
        state: backend.states.get(request.accountId, request.region),
        backend,
        request,
        now: () => clock.now() / 1000,
      };
      return handler(input as never, ctx);
    },
  };
}
