// Services behind a load balancer, as ECS runs them: a task is registered in the service's target
// groups once it runs, counts as healthy once its targets are, and is deregistered when asked to
// stop, staying DEACTIVATING while its targets drain. ELBv2 is reached through `peers.elbv2.targets`.
import { defineTimer } from "../../../engine/timers.js";
import type { EcsBackend } from "../context.js";
import type { Task } from "../generated/types.js";
import type { ClusterRecord, EcsState, RegisteredTarget, ServiceRecord } from "../store.js";
import { addEvent } from "../domain/serviceEvents.js";
import { serviceOfTask } from "../domain/services.js";

const taskId = (t: Task): string => t.taskArn!.split("/").pop()!;

export const lbMessages = {
  registered: (service: string, n: number, tg: string) => `(service ${service}) registered ${n} targets in (target-group ${tg})`,
  draining: (service: string, n: number) => `(service ${service}) has begun draining connections on ${n} tasks.`,
  deregistered: (service: string, n: number, tg: string) => `(service ${service}) deregistered ${n} targets in (target-group ${tg})`,
  /** `target`: `(task <id>)` for an awsvpc task, `(instance <id>)` for a bridge or host task's instance, as ECS names them. */
  unhealthy: (service: string, target: string, port: number, tg: string, description: string) =>
    `(service ${service}) ${target} (port ${port}) is unhealthy in (target-group ${tg}) due to (reason ${description}).`,
  failedChecks: (service: string, task: string, tg: string) => `(service ${service}) (task ${task}) failed ELB health checks in (target-group ${tg})`,
};

/** A task stopped because its target failed the load balancer's health checks, as ECS words it. */
export const failedElbChecks = (tg: string): string => `Task failed ELB health checks in (target-group ${tg})`;

/**
 * Where a task receives a target group's traffic: an awsvpc task by its interface's address and
 * the container port; a bridge or host task by its instance and the host port bound to that port.
 */
export function targetsOf(rec: ClusterRecord, sr: ServiceRecord, task: Task): RegisteredTarget[] {
  const out: RegisteredTarget[] = [];
  for (const lb of sr.service.loadBalancers ?? []) {
    if (!lb.targetGroupArn || !lb.containerName || lb.containerPort === undefined) continue;
    const eni = (task.attachments ?? []).find((a) => a.type === "ElasticNetworkInterface");
    if (eni) {
      const ip = eni.details?.find((d) => d.name === "privateIPv4Address")?.value;
      if (ip) out.push({ targetGroupArn: lb.targetGroupArn, id: ip, port: lb.containerPort });
      continue;
    }
    const container = task.containers?.find((c) => c.name === lb.containerName);
    const binding = container?.networkBindings?.find((b) => b.containerPort === lb.containerPort);
    const instance = task.containerInstanceArn ? rec.instances.get(task.containerInstanceArn.split("/").pop()!) : undefined;
    if (binding?.hostPort !== undefined && instance?.ec2InstanceId) out.push({ targetGroupArn: lb.targetGroupArn, id: instance.ec2InstanceId, port: binding.hostPort });
  }
  return out;
}

function byGroup(targets: RegisteredTarget[]): Map<string, RegisteredTarget[]> {
  const m = new Map<string, RegisteredTarget[]>();
  for (const t of targets) m.set(t.targetGroupArn, [...(m.get(t.targetGroupArn) ?? []), t]);
  return m;
}

export class LoadBalancing {
  constructor(private readonly backend: EcsBackend) {
    backend.taskListeners.push((state, rec, task) => this.onTask(state, rec, task));
  }

  private onTask(state: EcsState, rec: ClusterRecord, task: Task): void {
    const sr = serviceOfTask(rec, task);
    if (!sr) return;
    const held = sr.targets?.get(taskId(task));
    if (task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING" && !held && sr.service.loadBalancers?.length) this.register(state, rec, sr, task);
    else if (task.desiredStatus === "STOPPED" && held) this.deregister(state, sr, task, held);
  }

  private register(state: EcsState, rec: ClusterRecord, sr: ServiceRecord, task: Task): void {
    const targets = targetsOf(rec, sr, task);
    // A task with nowhere to be reached (an instance registered without its EC2 id) holds no
    // target: it is not registered, and its service does not wait for it forever.
    (sr.targets ??= new Map()).set(taskId(task), targets);
    if (!targets.length) return;
    const port = this.backend.peers.elbv2.targets;
    const now = this.backend.timeline.now() / 1000;
    // A target's health moving is a change the service's deployment waits for, and an unhealthy
    // target past the grace period stops its task.
    const changed = { name: TARGET_CHANGED, args: [this.backend, state, rec, sr, task] };
    for (const [tg, list] of byGroup(targets)) {
      port.register(state.accountId, state.region, tg, list, changed);
      addEvent(state.ids, sr, now, lbMessages.registered(sr.service.serviceName!, list.length, tg));
    }
  }

  /** Deregisters the task's targets; the task stays DEACTIVATING until the last has drained. */
  private deregister(state: EcsState, sr: ServiceRecord, task: Task, held: RegisteredTarget[]): void {
    sr.targets!.delete(taskId(task));
    if (!held.length) return;
    const port = this.backend.peers.elbv2.targets;
    const now = this.backend.timeline.now() / 1000;
    const name = sr.service.serviceName!;
    addEvent(state.ids, sr, now, lbMessages.draining(name, 1));
    let drainMs = 0;
    for (const [tg, list] of byGroup(held)) {
      drainMs = Math.max(drainMs, port.deregister(state.accountId, state.region, tg, list));
      addEvent(state.ids, sr, now, lbMessages.deregistered(name, list.length, tg));
    }
    this.backend.lifecycle.holdDeactivating(task, drainMs);
  }

  /**
   * A running task with an unhealthy target is stopped and replaced once its service's
   * healthCheckGracePeriodSeconds have passed since it started (checked again then if not yet);
   * its failure counts toward the deployment's circuit breaker. A task all of whose targets are
   * healthy starts the count again.
   */
  checkHealth(state: EcsState, rec: ClusterRecord, sr: ServiceRecord, task: Task): void {
    if (task.desiredStatus === "STOPPED" || task.lastStatus !== "RUNNING") return;
    const held = sr.targets?.get(taskId(task)) ?? [];
    const port = this.backend.peers.elbv2.targets;
    const health = held.map((t) => ({ t, h: port.health(state.accountId, state.region, t.targetGroupArn, t) }));
    const deployment = sr.service.deployments?.find((d) => d.id === task.startedBy);
    if (health.length && health.every((x) => x.h?.State === "healthy")) {
      if (deployment) deployment.failedTasks = 0;
      return;
    }
    const bad = health.find((x) => x.h?.State === "unhealthy");
    if (!bad) return;
    const timeline = this.backend.timeline;
    const graceEnds = ((task.startedAt ?? 0) + (sr.service.healthCheckGracePeriodSeconds ?? 0)) * 1000;
    if (timeline.now() < graceEnds) {
      timeline.call(graceEnds, CHECK_HEALTH, this.backend, state, rec, sr, task);
      return;
    }
    const name = sr.service.serviceName!;
    const id = taskId(task);
    const now = timeline.now() / 1000;
    addEvent(state.ids, sr, now, lbMessages.unhealthy(name, bad.t.id.startsWith("i-") ? `(instance ${bad.t.id})` : `(task ${id})`, bad.t.port, bad.t.targetGroupArn, bad.h?.Description ?? "Health checks failed"));
    addEvent(state.ids, sr, now, lbMessages.failedChecks(name, id, bad.t.targetGroupArn));
    if (deployment) deployment.failedTasks = (deployment.failedTasks ?? 0) + 1;
    this.backend.lifecycle.stop(state, rec, task, failedElbChecks(bad.t.targetGroupArn), "ServiceSchedulerInitiated");
  }

  /** A task counts toward its deployment once every target it holds is healthy. */
  healthy(state: EcsState, sr: ServiceRecord, task: Task): boolean {
    if (!sr.service.loadBalancers?.length || task.lastStatus !== "RUNNING") return task.lastStatus === "RUNNING";
    const held = sr.targets?.get(taskId(task));
    if (!held) return false;
    const port = this.backend.peers.elbv2.targets;
    return held.every((t) => port.healthy(state.accountId, state.region, t.targetGroupArn, t));
  }
}

const CHECK_HEALTH = defineTimer("ecs.checkTargetHealth", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord, task: Task) => backend.loadBalancing.checkHealth(state, rec, sr, task));

const TARGET_CHANGED = defineTimer("ecs.targetChanged", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord, task: Task) => {
  backend.loadBalancing.checkHealth(state, rec, sr, task);
  backend.reconciler.serviceChanged(state, rec, sr);
});
