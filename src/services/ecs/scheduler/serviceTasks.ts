// Starting a service's tasks: REPLICA through placement, DAEMON one on each eligible instance.
import type { EcsContext } from "../context.js";
import type { ContainerInstance, PlacementStrategy, Tag, Task } from "../generated/types.js";
import { matchesExpression } from "../domain/clusterQuery.js";
import { messages } from "../domain/serviceEvents.js";
import { serviceGroup } from "../domain/services.js";
import { tagsOf } from "../domain/tags.js";
import { launchTask } from "../domain/tasks.js";
import type { ClusterRecord, EcsState, ServiceLaunch, ServiceRecord } from "../store.js";
import { available, shortfall, taskNeeds } from "../domain/resources.js";
import { startTasks, type StartSpec } from "./start.js";
import { providerCounts } from "./capacity.js";

export interface Started {
  tasks: Task[];
  /** The event to write when not every wanted task could be placed. */
  problem?: string;
}

/** Without a strategy of its own, a service spreads over zones, then over instances. */
const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: "spread", field: "attribute:ecs.availability-zone" },
  { type: "spread", field: "instanceId" },
];

function propagatedTags(ctx: EcsContext, sr: ServiceRecord, launch: ServiceLaunch): Tag[] | undefined {
  if (sr.service.propagateTags === "SERVICE") return tagsOf(ctx.state, sr.service.serviceArn!);
  if (sr.service.propagateTags === "TASK_DEFINITION") return tagsOf(ctx.state, launch.td.taskDefinitionArn!);
  return undefined;
}

/**
 * What a service's tasks start with: `startedBy` is the deployment (or task set) they belong to,
 * `siblings` the tasks already counted against the capacity provider strategy's base and weights.
 */
function specFor(ctx: EcsContext, sr: ServiceRecord, launch: ServiceLaunch, startedBy = sr.service.deployments![0].id, siblings: Iterable<Task> = sr.tasks.values()): StartSpec {
  return {
    td: launch.td,
    launchType: launch.launchType,
    capacityProviderName: launch.capacityProviderName,
    capacityProviderStrategy: launch.capacityProviderStrategy,
    providerCounts: launch.capacityProviderStrategy ? providerCounts(siblings) : undefined,
    group: serviceGroup(sr.service.serviceName!),
    startedBy,
    networkConfiguration: launch.networkConfiguration,
    strategies: launch.strategies.length ? launch.strategies : DEFAULT_STRATEGY,
    constraints: launch.constraints,
    tags: propagatedTags(ctx, sr, launch),
    platformVersion: launch.platformVersion,
    enableExecuteCommand: launch.enableExecuteCommand,
  };
}

/** Starts `count` tasks through placement; `startedBy` and `siblings` as in specFor. */
export function startReplicaTasks(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, launch: ServiceLaunch, count: number, startedBy?: string, siblings?: Iterable<Task>): Started {
  const result = startTasks(ctx, rec, specFor(ctx, sr, launch, startedBy, siblings), count);
  const name = sr.service.serviceName!;
  const noInstances = launch.launchType === "EC2" && launch.capacityProviderName ? messages.noInstancesInProvider : messages.noInstances;
  if (result.noInstances) return { tasks: [], problem: noInstances(name) };
  if (result.tasks.length === count) return { tasks: result.tasks };
  const closest = result.failures[0];
  if (!closest) return { tasks: result.tasks, problem: messages.noInstances(name) };
  return { tasks: result.tasks, problem: messages.unplaceable(name, closest.arn!.split("/").pop()!, closest.reason!) };
}

/** ACTIVE, connected instances that meet the service's memberOf constraints: a DAEMON task belongs on each. */
export function daemonInstances(state: EcsState, rec: ClusterRecord, launch: ServiceLaunch): ContainerInstance[] {
  const expressions = launch.constraints.filter((c) => c.type === "memberOf" && c.expression).map((c) => c.expression!);
  const out: ContainerInstance[] = [];
  for (const ci of rec.instances.values()) {
    if (ci.status !== "ACTIVE" || ci.agentConnected === false) continue;
    // Managed instances run managed daemons, not DAEMON services' tasks.
    if (ci.capacityProviderName && state.capacityProviders.get(ci.capacityProviderName)?.type === "MANAGED_INSTANCES") continue;
    if (expressions.every((e) => matchesExpression(e, ci))) out.push(ci);
  }
  return out;
}

/** One task on each eligible instance that has none of the service's tasks (a stopping one still holds its place). */
export function startDaemonTasks(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, launch: ServiceLaunch, eligible: ContainerInstance[], count: number): Started {
  const occupied = new Set<string>();
  for (const t of sr.tasks.values()) if (t.containerInstanceArn) occupied.add(t.containerInstanceArn);
  const spec = specFor(ctx, sr, launch);
  const needs = taskNeeds(launch.td);
  const tasks: Task[] = [];
  let problem: string | undefined;
  for (const ci of eligible) {
    if (tasks.length >= count) break;
    if (occupied.has(ci.containerInstanceArn!)) continue;
    const lack = shortfall(needs, available(ci, rec.dynamicPorts.get(ci.containerInstanceArn!.split("/").pop()!)));
    if (lack) {
      problem ??= messages.unplaceable(sr.service.serviceName!, ci.containerInstanceArn!.split("/").pop()!, lack);
      continue;
    }
    tasks.push(launchTask(ctx, rec, { ...spec, needs, instance: ci }));
  }
  return { tasks, problem };
}
