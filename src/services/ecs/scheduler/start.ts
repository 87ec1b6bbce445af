// Starting tasks: the checks RunTask and services share, placement on instances, and Fargate.
import type { EcsContext } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type {
  CapacityProviderStrategyItem,
  ContainerInstance,
  Failure,
  LaunchType,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Tag,
  Task,
  TaskDefinition,
  TaskOverride,
} from "../generated/types.js";
import { launchTask, type NewTask } from "../domain/tasks.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { place } from "./placement.js";
import { candidates } from "./candidates.js";
import { effectiveNetworkMode, taskNeeds } from "../domain/resources.js";
import { matchesExpression } from "../domain/clusterQuery.js";
import { NOT_ASSOCIATED, waitsForCapacity } from "../domain/capacityProviders.js";
import { isManagedInstancesProvider } from "../managedInstances/fleet.js";
import { miMessages } from "../managedInstances/messages.js";
import { awaitCapacity } from "../capacity/waiting.js";
import { assignProviders, BOTH_GIVEN, resolveClusterLaunch, type ProviderLaunch } from "./capacity.js";

export interface StartSpec {
  td: TaskDefinition;
  launchType: LaunchType;
  capacityProviderName?: string;
  /** Spreads the tasks over these providers by base and weight instead of `capacityProviderName`. */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  /** Tasks each provider already holds (a service's), which bases and weights count. */
  providerCounts?: Map<string, number>;
  group: string;
  startedBy?: string;
  overrides?: TaskOverride;
  networkConfiguration?: NetworkConfiguration;
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
  tags?: Tag[];
  platformVersion?: string;
  enableExecuteCommand?: boolean;
}

export interface StartResult {
  tasks: Task[];
  failures: Failure[];
  /** True when an EC2 launch found no ACTIVE container instance at all. */
  noInstances: boolean;
}

const FARGATE_PROVIDERS = new Set(["FARGATE", "FARGATE_SPOT"]);

/**
 * The launch type a request resolves to, from launchType or a capacity provider strategy. Given
 * the cluster, strategies are checked against the providers associated with it and the cluster's
 * default strategy applies when the request names neither; without it only Fargate providers pass.
 */
export function resolveLaunch(launchType: LaunchType | undefined, strategy: CapacityProviderStrategyItem[] | undefined, rec?: ClusterRecord, state?: EcsState): ProviderLaunch {
  if (rec) return resolveClusterLaunch(rec, launchType, strategy, (p) => isManagedInstancesProvider(state, p));
  if (launchType && strategy?.length) throw new InvalidParameterException(BOTH_GIVEN);
  if (strategy?.length) {
    const provider = [...strategy].sort((a, b) => (b.base ?? 0) - (a.base ?? 0) || (b.weight ?? 0) - (a.weight ?? 0))[0].capacityProvider;
    if (!FARGATE_PROVIDERS.has(provider)) throw new InvalidParameterException(NOT_ASSOCIATED);
    return { launchType: "FARGATE", capacityProviderName: provider };
  }
  return { launchType: launchType ?? "EC2" };
}

/** The checks ECS makes before it starts a task of `td` with this launch type, network and overrides. */
export function checkLaunch(td: TaskDefinition, launchType: LaunchType, net: NetworkConfiguration | undefined, overrides?: TaskOverride): void {
  // An empty list is not a missing network configuration: ECS refuses it as such (FIDELITY.md).
  if (net?.awsvpcConfiguration?.subnets?.length === 0) throw new InvalidParameterException("subnets can not be empty.");
  if (td.status !== "ACTIVE") throw new ClientException("TaskDefinition is inactive");
  if ((launchType === "FARGATE" || launchType === "EC2") && !(td.compatibilities ?? []).includes(launchType)) {
    throw new InvalidParameterException(`Task definition does not support launch_type ${launchType}.`);
  }
  if (launchType === "MANAGED_INSTANCES" && effectiveNetworkMode(td) === "bridge") throw new InvalidParameterException(miMessages.networkMode);
  const awsvpc = effectiveNetworkMode(td) === "awsvpc";
  if (awsvpc && !net?.awsvpcConfiguration?.subnets?.length) {
    throw new InvalidParameterException("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (!awsvpc && net?.awsvpcConfiguration) {
    throw new InvalidParameterException("Network Configuration is not valid for the given networkMode of this task definition.");
  }
  const names = new Set((td.containerDefinitions ?? []).map((c) => c.name));
  for (const o of overrides?.containerOverrides ?? []) {
    if (o.name === undefined || !names.has(o.name)) {
      throw new InvalidParameterException(`Override for container named ${o.name} is not a container in the TaskDefinition.`);
    }
  }
}

/** Starts up to `count` tasks; those that cannot be placed come back as failures. */
export function startTasks(ctx: EcsContext, rec: ClusterRecord, spec: StartSpec, count: number): StartResult {
  if (!spec.capacityProviderStrategy?.length) return startOn(ctx, rec, spec, count);
  const perProvider = new Map<string, number>();
  for (const p of assignProviders(spec.capacityProviderStrategy, spec.providerCounts ?? new Map(), count)) perProvider.set(p, (perProvider.get(p) ?? 0) + 1);
  const out: StartResult = { tasks: [], failures: [], noInstances: true };
  for (const [provider, n] of perProvider) {
    const r = startOn(ctx, rec, { ...spec, capacityProviderName: provider }, n);
    out.tasks.push(...r.tasks);
    out.failures.push(...r.failures);
    out.noInstances &&= r.noInstances;
  }
  return out;
}

/**
 * Starts tasks with one launch type and at most one capacity provider. Through a provider with
 * managed scaling, the tasks no instance can take wait for capacity instead of failing.
 */
function startOn(ctx: EcsContext, rec: ClusterRecord, given: StartSpec, count: number): StartResult {
  // Tasks through a Managed Instances provider run with that launch type, whatever the strategy's first provider.
  const spec: StartSpec = isManagedInstancesProvider(ctx.state, given.capacityProviderName) ? { ...given, launchType: "MANAGED_INSTANCES" } : given;
  const needs = taskNeeds(spec.td, spec.overrides);
  // One description of the task for all of them, its instance set for each: launchTask reads it and
  // keeps none of it. Written out member by member rather than spread from the spec: a spread copies
  // through the runtime, and an object of the spec's many shapes made every read of it in launchTask slow.
  const each: NewTask = {
    td: spec.td,
    launchType: spec.launchType,
    needs,
    group: spec.group,
    instance: undefined,
    startedBy: spec.startedBy,
    overrides: spec.overrides,
    networkConfiguration: spec.networkConfiguration,
    enableExecuteCommand: spec.enableExecuteCommand,
    platformVersion: spec.platformVersion,
    capacityProviderName: spec.capacityProviderName,
    tags: spec.tags,
  };
  const launch = (instance?: ContainerInstance): Task => {
    each.instance = instance;
    return launchTask(ctx, rec, each);
  };
  if (spec.launchType === "FARGATE") {
    return { tasks: Array.from({ length: count }, () => launch()), failures: [], noInstances: false };
  }
  const waits = waitsForCapacity(ctx.state, spec.capacityProviderName);
  const cands = candidates(ctx.state, rec, spec.group, spec.capacityProviderName);
  if (cands.length === 0 && !waits) return { tasks: [], failures: [], noInstances: true };
  const result = cands.length
    ? place({ count, needs, candidates: cands, strategies: spec.strategies, constraints: spec.constraints, matches: matchesExpression, random: ctx.state.ids.random })
    : { placements: [], failures: [] };
  const tasks = result.placements.map((ci) => launch(ci));
  if (!waits) return { tasks, failures: result.failures, noInstances: false };
  while (tasks.length < count) tasks.push(awaitCapacity(ctx, rec, { ...spec, needs }));
  return { tasks, failures: [], noInstances: false };
}
