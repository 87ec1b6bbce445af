// ECS Managed Instances' fleet: tasks waiting for a Managed Instances provider make ECS launch the
// instances that hold them (the cheapest eligible type, packed), counting what is already on its way;
// every change to a managed instance's tasks looks at whether it went idle. Runs after each batch of
// due work, on the clock, never because someone called Describe.
import { defineTimer } from "../../../engine/timers.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { CapacityProvider, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { ownContext } from "../capacity/autoScaling.js";
import { waitingFor } from "../capacity/waiting.js";
import type { Capacity } from "../capacity/reservation.js";
import type { TaskNeeds } from "../domain/resources.js";
import { daemonReserve } from "../daemons/reserve.js";
import { instancesOf, launchInstance } from "./launch.js";
import { chooseLaunch, eligibleTypes, usable, type Architecture } from "./selection.js";
import { watch } from "./retire.js";
import type { ManagedInstance } from "./types.js";

/** When launches failed, ECS tries again after a minute (chosen). */
const RETRY_MS = 60_000;

export function isManagedInstancesProvider(state: EcsState | undefined, name: string | undefined): boolean {
  return state !== undefined && name !== undefined && state.capacityProviders.get(name)?.type === "MANAGED_INSTANCES";
}

const architectureOf = (t: Task): Architecture => (t.attributes?.find((a) => a.name === "ecs.cpu-architecture")?.value === "arm64" ? "arm64" : "x86_64");

/** Packs tasks first-fit, largest first, into room already on its way; answers those left over. */
function intoComing(tasks: TaskNeeds[], room: Capacity[]): TaskNeeds[] {
  const bins = room.map((r) => ({ ...r }));
  const left: TaskNeeds[] = [];
  for (const t of [...tasks].sort((a, b) => b.memory - a.memory || b.cpu - a.cpu)) {
    const bin = bins.find((b) => b.cpu >= t.cpu && b.memory >= t.memory);
    if (!bin) left.push(t);
    else {
      bin.cpu -= t.cpu;
      bin.memory -= t.memory;
    }
  }
  return left;
}

/** Instances launched and not yet serving: their room counts for the tasks that wait. */
function coming(ctx: EcsContext, rec: ClusterRecord, provider: string, arch: Architecture, reserved: Capacity): Capacity[] {
  return instancesOf(ctx, provider)
    .filter((m) => !m.retiring && (m.containerInstanceId === undefined || rec.unready?.has(m.containerInstanceId)))
    .filter((m) => eligibleArch(m, arch))
    .map((m) => usable(m.instanceType, reserved));
}

const fits = (t: TaskNeeds, room: Capacity): boolean => t.cpu <= room.cpu && t.memory <= room.memory;

const eligibleArch = (m: ManagedInstance, arch: Architecture): boolean => (m.instanceType.split(".")[0].endsWith("g") ? "arm64" : "x86_64") === arch;

export class ManagedFleet {
  private clusters = new Map<ClusterRecord, EcsState>();
  private instances = new Map<ManagedInstance, EcsState>();
  constructor(private readonly backend: EcsBackend) {
    backend.taskListeners.push((state, rec, task) => this.taskChanged(state, rec, task));
    backend.timeline.onAfterRun(() => this.run());
  }

  /** Tasks wait for a Managed Instances provider of the cluster: ECS looks at what to launch. */
  need(state: EcsState, rec: ClusterRecord): void {
    this.clusters.set(rec, state);
    this.backend.timeline.wake();
  }

  /** An instance's tasks changed, or it joined: ECS looks at whether it is idle. */
  look(state: EcsState, mi: ManagedInstance): void {
    this.instances.set(mi, state);
    this.backend.timeline.wake();
  }

  clear(): void {
    this.clusters.clear();
    this.instances.clear();
  }

  private taskChanged(state: EcsState, rec: ClusterRecord, task: Task): void {
    if (!task.containerInstanceArn || state.managedInstances.size === 0) return;
    const ci = rec.instances.get(task.containerInstanceArn.split("/").pop()!);
    const mi = ci?.ec2InstanceId ? state.managedInstances.get(ci.ec2InstanceId) : undefined;
    if (mi) this.look(state, mi);
  }

  private run(): void {
    if (this.clusters.size) {
      const batch = [...this.clusters];
      this.clusters.clear();
      for (const [rec, state] of batch) this.provision(ownContext(this.backend, state), rec);
    }
    if (this.instances.size) {
      const batch = [...this.instances];
      this.instances.clear();
      for (const [mi, state] of batch) watch(ownContext(this.backend, state), mi);
    }
  }

  private provision(ctx: EcsContext, rec: ClusterRecord): void {
    for (const cp of ctx.state.capacityProviders.values()) {
      if (cp.type !== "MANAGED_INSTANCES" || cp.status !== "ACTIVE" || cp.cluster !== rec.cluster.clusterName) continue;
      const waiting = waitingFor(rec, cp.name!);
      for (const arch of ["x86_64", "arm64"] as const) {
        const needs = waiting.filter((w) => architectureOf(w.task) === arch).map((w) => w.needs);
        if (needs.length) this.launchFor(ctx, rec, cp, arch, needs);
      }
    }
  }

  private launchFor(ctx: EcsContext, rec: ClusterRecord, cp: CapacityProvider, arch: Architecture, needs: TaskNeeds[]): void {
    const reserved = daemonReserve(ctx.state, rec.cluster.clusterName!, cp.name!);
    const left = intoComing(needs, coming(ctx, rec, cp.name!, arch, reserved));
    if (!left.length) return;
    const types = eligibleTypes(cp.managedInstancesProvider!.instanceLaunchTemplate!.instanceRequirements, arch);
    // A task no eligible type holds waits until waiting times out (waiting.ts); the others go ahead.
    const holdable = left.filter((t) => types.some((f) => fits(t, usable(f.type, reserved))));
    const choice = holdable.length ? chooseLaunch(holdable, types, reserved) : undefined;
    if (!choice) return;
    for (let i = 0; i < choice.count; i++) {
      const made = launchInstance(ctx, rec, cp, choice.type, arch);
      if (typeof made !== "string") continue;
      this.backend.timeline.callAfter(RETRY_MS, RETRY, this.backend, ctx.state, rec);
      return;
    }
  }
}

const RETRY = defineTimer("ecs.managedFleetRetry", (backend: EcsBackend, state: EcsState, rec: ClusterRecord) => backend.fleet.need(state, rec));
