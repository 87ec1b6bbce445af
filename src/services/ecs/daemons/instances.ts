// Daemon tasks on managed instances: when an instance joins, ECS starts one task of each of its
// provider's daemons before anything else (the instance takes no application task until they all
// run); a daemon task that stops when ECS did not stop it makes ECS replace the instance (auto repair).
import { defineTimer } from "../../../engine/timers.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { ContainerInstance, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { available, shortfall, taskNeeds } from "../domain/resources.js";
import { launchTask } from "../domain/tasks.js";
import { clusterChanged } from "../scheduler/reconciler.js";
import { ownContext } from "../capacity/autoScaling.js";
import type { ManagedInstance } from "../managedInstances/types.js";
import { isDaemonGroup, repair } from "../managedInstances/retire.js";
import { daemonsFor } from "./reserve.js";
import { findDaemonTd } from "./taskDefinitions.js";
import { asTaskDefinition } from "./taskModel.js";
import { failedToStart } from "../scheduler/throttle.js";
import { daemonArn, revisionId } from "./arns.js";
import { countFailure } from "./deployments.js";
import { settleDeletions } from "./tdDeletion.js";

export const daemonGroup = (name: string): string => `daemon:${name}`;
const daemonNameOf = (arn: string): string => arn.split("/").pop()!;
const idOf = (ci: ContainerInstance): string => ci.containerInstanceArn!.split("/").pop()!;

/** Starts one task of a daemon's revision on the instance; false when the instance cannot hold it. */
export function startDaemonTask(ctx: EcsContext, rec: ClusterRecord, ci: ContainerInstance, provider: string, d: { daemonArn: string; revisionArn: string; tdArn: string }): Task | undefined {
  const dtd = findDaemonTd(ctx.state, d.tdArn);
  if (!dtd) return undefined;
  const td = asTaskDefinition(dtd);
  const needs = taskNeeds(td);
  if (shortfall(needs, available(ci, rec.dynamicPorts.get(idOf(ci))))) return undefined;
  const revision = ctx.state.daemonRevisions.get(d.revisionArn)?.revision;
  return launchTask(ctx, rec, {
    td,
    launchType: "MANAGED_INSTANCES",
    needs,
    group: daemonGroup(daemonNameOf(d.daemonArn)),
    startedBy: d.revisionArn.split("/").pop(),
    instance: ci,
    capacityProviderName: provider,
    enableExecuteCommand: revision?.enableExecuteCommand,
  });
}

/** A new managed instance: its daemons start first; it is unready until they all run. */
export function startDaemonsOn(ctx: EcsContext, rec: ClusterRecord, ci: ContainerInstance, mi: ManagedInstance): void {
  const list = daemonsFor(ctx.state, rec.cluster.clusterName!, mi.provider);
  if (!list.length) return;
  (rec.unready ??= new Set()).add(idOf(ci));
  for (const d of list) startDaemonTask(ctx, rec, ci, mi.provider, d);
  readyIfRunning(ctx, rec, ci);
}

/** The instance takes application tasks once each daemon task on it runs. */
function readyIfRunning(ctx: EcsContext, rec: ClusterRecord, ci: ContainerInstance): void {
  if (!rec.unready?.has(idOf(ci))) return;
  for (const t of rec.index.liveOn(ci.containerInstanceArn!)) if (isDaemonGroup(t.group) && t.lastStatus !== "RUNNING") return;
  rec.unready.delete(idOf(ci));
  clusterChanged(ctx, rec);
}

/** ECS stopped this task itself (a deployment, a drain, the instance going): no repair follows. */
const stoppedByEcs = (t: Task): boolean => t.stopCode === "ServiceSchedulerInitiated" || t.stopCode === "TerminationNotice";

/** A task of the daemon's deployment target that never ran counts against the deployment's circuit breaker. */
function countIfFailed(ctx: EcsContext, rec: ClusterRecord, task: Task): void {
  if (task.lastStatus !== "STOPPED" || !failedToStart(task) || stoppedByEcs(task)) return;
  const d = ctx.state.daemons.get(daemonArn(ctx.state, rec.cluster.clusterName!, task.group!.slice("daemon:".length)));
  const dep = d && ctx.state.daemonDeployments.get(d.deploymentArn);
  if (dep?.goal && revisionId(dep.goal) === task.startedBy) countFailure(ctx, dep);
}

function onTask(backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task): void {
  if (!isDaemonGroup(task.group) || !task.containerInstanceArn) return;
  backend.daemons.changed(state, rec.cluster.clusterName!);
  if (task.lastStatus === "STOPPED") settleDeletions(state);
  const ctx = ownContext(backend, state);
  countIfFailed(ctx, rec, task);
  const ci = rec.instances.get(task.containerInstanceArn.split("/").pop()!);
  const mi = ci?.ec2InstanceId ? state.managedInstances.get(ci.ec2InstanceId) : undefined;
  if (!ci || !mi) return;
  if (task.lastStatus === "RUNNING") return readyIfRunning(ctx, rec, ci);
  if (task.desiredStatus === "STOPPED" && !stoppedByEcs(task) && !mi.retiring) {
    backend.timeline.call(backend.timeline.now(), REPAIR, backend, state, mi);
  }
}

export function connectDaemonTasks(backend: EcsBackend): void {
  backend.taskListeners.push((state, rec, task) => onTask(backend, state, rec, task));
}

const REPAIR = defineTimer("ecs.repairManagedInstance", (backend: EcsBackend, state: EcsState, mi: ManagedInstance) => repair(ownContext(backend, state), mi));
