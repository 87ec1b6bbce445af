// Starting one task's containers in the order its definition asks: links and dependsOn conditions
// (START, COMPLETE, SUCCESS, HEALTHY); in awsvpc mode the first container holds the task's network.
import type { ContainerDefinition, HealthStatus, NetworkBinding } from "../../services/ecs/generated/types.js";
import type { LogTarget } from "../awslogs.js";
import type { ContainerReport, TaskEvents, TaskRun } from "../runtime.js";
import type { Engine, Stream } from "./engine.js";
import type { ContainerPlan, TaskNetwork } from "./spec.js";

export interface Box {
  plan: ContainerPlan;
  id?: string;
  state: "waiting" | "running" | "exited";
  exitCode?: number;
  oom?: boolean;
  health?: HealthStatus;
  log?: { target: LogTarget; stream?: Stream };
  imageDigest?: string;
}

/** One task on one engine, from its start to the removal of its containers. */
export interface Running {
  run: TaskRun;
  events: TaskEvents;
  engine: Engine;
  boxes: Map<string, Box>;
  /** The engine-chosen order the containers were created in; they are removed in reverse. */
  order: Box[];
  net: TaskNetwork;
  stopping: boolean;
  /** Resolves the current wait for a container change (an exit, a health status). */
  wake: () => void;
}

export class StartFailure extends Error {}

/** ECS_CONTAINER_START_TIMEOUT's default on Linux, in seconds. */
const DEFAULT_START_TIMEOUT = 180;

/** The containers a container waits for: its dependsOn, links and volumesFrom. */
export function dependencies(def: ContainerDefinition): string[] {
  return [...(def.dependsOn ?? []).map((d) => d.containerName), ...(def.links ?? []).map((l) => l.split(":")[0]), ...(def.volumesFrom ?? []).map((v) => v.sourceContainer!)];
}

/** Whether container `c` may start: every dependency has met its condition; a condition that never can fails the task. */
function ready(r: Running, def: ContainerDefinition): boolean {
  const deps = [...(def.dependsOn ?? []).map((d) => ({ name: d.containerName, condition: d.condition }))];
  for (const l of r.net.mode === "bridge" ? (def.links ?? []) : []) deps.push({ name: l.split(":")[0], condition: "START" });
  for (const v of def.volumesFrom ?? []) deps.push({ name: v.sourceContainer!, condition: "START" });
  if (r.net.mode === "awsvpc" && r.order.length === 0 && def !== firstDefinition(r)) return false;
  for (const d of deps) {
    const b = r.boxes.get(d.name);
    if (!b) throw new StartFailure(`CannotStartContainerError: container ${def.name} depends on ${d.name}, which is not in the task definition`);
    const failed = (what: string): never => {
      throw new StartFailure(`CannotStartContainerError: dependency container ${d.name} of ${def.name} ${what} (condition ${d.condition})`);
    };
    if (d.condition === "START" && b.state === "waiting") return false;
    if (d.condition === "COMPLETE" && b.state !== "exited") return false;
    if (d.condition === "SUCCESS") {
      if (b.state !== "exited") return false;
      if (b.exitCode !== 0) failed(`exited with code ${b.exitCode}`);
    }
    if (d.condition === "HEALTHY") {
      if (b.state === "exited") failed("exited before it was healthy");
      if (b.health === "UNHEALTHY") failed("is unhealthy");
      if (b.health !== "HEALTHY") return false;
    }
  }
  return true;
}

function firstDefinition(r: Running): ContainerDefinition | undefined {
  return r.run.td.containerDefinitions?.[0];
}

/**
 * Creates and starts the containers as their conditions allow, waiting on container changes in
 * between; answers when every container has started (some may have completed since).
 */
export async function startInOrder(r: Running, startOne: (box: Box) => Promise<void>): Promise<void> {
  const since = Date.now();
  for (;;) {
    if (r.stopping) return;
    const waiting = [...r.boxes.values()].filter((b) => b.state === "waiting");
    if (waiting.length === 0) return;
    const next = waiting.filter((b) => ready(r, b.plan.def));
    if (next.length === 0) {
      // A container gives up on its dependencies after its startTimeout (the agent's default: 3 minutes).
      const deadline = Math.min(...waiting.map((b) => since + (b.plan.def.startTimeout ?? DEFAULT_START_TIMEOUT) * 1000));
      const late = waiting.find((b) => since + (b.plan.def.startTimeout ?? DEFAULT_START_TIMEOUT) * 1000 <= Date.now());
      if (late) throw new StartFailure(`CannotStartContainerError: container ${late.plan.def.name}'s dependencies were not resolved within its startTimeout of ${late.plan.def.startTimeout ?? DEFAULT_START_TIMEOUT} seconds`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 10);
        r.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      continue;
    }
    for (const b of next) {
      if (r.stopping) return;
      await startOne(b);
    }
  }
}

export function report(b: Box, bindings?: NetworkBinding[]): ContainerReport {
  return {
    name: b.plan.def.name!,
    runtimeId: b.id,
    status: b.state === "exited" ? "STOPPED" : "RUNNING",
    ...(b.state === "exited" ? { exitCode: b.exitCode } : {}),
    ...(b.health ? { health: b.health } : {}),
    ...(bindings ? { networkBindings: bindings } : {}),
    ...(b.imageDigest ? { imageDigest: b.imageDigest } : {}),
  };
}
