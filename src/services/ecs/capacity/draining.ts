// Managed draining: an instance the group terminates waits on ECS's lifecycle hook
// (ecs-managed-draining-termination-hook, Terminating:Wait); ECS sets its container instance
// DRAINING, so that the service scheduler moves its service tasks, and completes the lifecycle action
// (CONTINUE) once no task but a daemon's is left on it. Standalone tasks keep running until they stop,
// or until the hook's heartbeat runs out (an hour) and the group goes on, as on AWS.
import { defineTimer } from "../../../engine/timers.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { ContainerInstance } from "../generated/types.js";
import { bump } from "../domain/containerInstances.js";
import { clusterChanged } from "../scheduler/reconciler.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { DRAINING_HOOK, groupsPort, ownContext, tryAutoScaling } from "./autoScaling.js";
import { runsTasks } from "./evaluation.js";

function containerInstanceOf(state: EcsState, instanceId: string): { rec: ClusterRecord; ci: ContainerInstance } | undefined {
  for (const rec of state.clusters.values()) {
    for (const ci of rec.instances.values()) if (ci.ec2InstanceId === instanceId && ci.status !== "INACTIVE") return { rec, ci };
  }
  return undefined;
}

/** Completes the hook's action of every instance ECS drained that has nothing left to move. */
function completeDrained(ctx: EcsContext): void {
  for (const [instanceId, group] of [...ctx.state.drainingHooks]) {
    const found = containerInstanceOf(ctx.state, instanceId);
    if (found && runsTasks(found.rec, found.ci)) continue;
    ctx.state.drainingHooks.delete(instanceId);
    tryAutoScaling(ctx.backend, ctx.state, "CompleteLifecycleAction", { AutoScalingGroupName: group, LifecycleHookName: DRAINING_HOOK, LifecycleActionResult: "CONTINUE", InstanceId: instanceId });
  }
}

function drain(ctx: EcsContext, instanceId: string): void {
  const found = containerInstanceOf(ctx.state, instanceId);
  if (found?.ci.status === "ACTIVE") {
    found.ci.status = "DRAINING";
    bump(found.ci);
    clusterChanged(ctx, found.rec);
  }
  completeDrained(ctx);
}

/** Hears of instances held by ECS's hook (Auto Scaling's port) and of tasks stopping on drained instances. */
export function connectManagedDraining(ecs: EcsBackend): void {
  groupsPort(ecs).onTerminating((accountId, region, group, instanceId, hook) => {
    if (hook !== DRAINING_HOOK) return;
    const state = ecs.states.get(accountId, region);
    state.drainingHooks.set(instanceId, group);
    // Not in Auto Scaling's turn: the group is still moving the instance into Terminating:Wait.
    ecs.timeline.call(ecs.timeline.now(), DRAIN, ecs, state, instanceId);
  });
  ecs.taskListeners.push((state, _rec, task) => {
    if (task.lastStatus !== "STOPPED" || state.drainingHooks.size === 0) return;
    ecs.timeline.call(ecs.timeline.now(), DRAINED, ecs, state);
  });
}

const DRAIN = defineTimer("ecs.drainForHook", (ecs: EcsBackend, state: EcsState, instanceId: string) => drain(ownContext(ecs, state), instanceId));

const DRAINED = defineTimer("ecs.drainedForHook", (ecs: EcsBackend, state: EcsState) => completeDrained(ownContext(ecs, state)));
