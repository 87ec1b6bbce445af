// Services with serviceRegistries or Service Connect, as ECS runs them: each task is registered in
// the Cloud Map services once it runs — an awsvpc task by its interface's address, a bridge or host
// task by its instance's address and the host port bound to the container port — with the
// attributes ECS sets, its health reported as ECS reports it (custom health checks), and
// deregistered when asked to stop. A deleted service's last task gone, the Cloud Map services ECS
// made for its Service Connect go too. Cloud Map is reached through `peers.servicediscovery.registry`.
import type { EcsBackend } from "../context.js";
import { deleteDiscoveryServices } from "../domain/cloudMap.js";
import type { ServiceRegistry, Task } from "../generated/types.js";
import type { ClusterRecord, EcsState, ServiceRecord } from "../store.js";
import { serviceOfTask } from "../domain/services.js";

const taskId = (t: Task): string => t.taskArn!.split("/").pop()!;

/** What ECS registers a task with in one Cloud Map service. */
export function registryAttributes(backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord, task: Task, reg: ServiceRegistry): Record<string, string> | undefined {
  const eni = task.attachments?.find((a) => a.type === "ElasticNetworkInterface");
  const family = task.taskDefinitionArn!.split("/").pop()!.split(":")[0];
  let ip: string | undefined;
  let port: number | undefined = reg.port;
  if (eni) {
    ip = eni.details?.find((d) => d.name === "privateIPv4Address")?.value;
    port ??= reg.containerPort;
  } else {
    const ci = task.containerInstanceArn ? rec.instances.get(task.containerInstanceArn.split("/").pop()!) : undefined;
    ip = ci?.ec2InstanceId ? backend.peers.ec2.privateIp(state.accountId, state.region, ci.ec2InstanceId) : undefined;
    const container = task.containers?.find((c) => c.name === reg.containerName);
    port ??= container?.networkBindings?.find((b) => b.containerPort === reg.containerPort)?.hostPort;
  }
  if (!ip) return undefined;
  return {
    AWS_INSTANCE_IPV4: ip,
    ...(port !== undefined ? { AWS_INSTANCE_PORT: String(port) } : {}),
    AWS_INIT_HEALTH_STATUS: task.healthStatus === "UNHEALTHY" ? "UNHEALTHY" : "HEALTHY",
    ...(task.availabilityZone ? { AVAILABILITY_ZONE: task.availabilityZone } : {}),
    ECS_CLUSTER_NAME: rec.cluster.clusterName!,
    ECS_SERVICE_NAME: sr.service.serviceName!,
    ECS_TASK_DEFINITION_FAMILY: family,
    REGION: state.region,
  };
}

/** Where a task is registered: the service's registries, and the Service Connect services of its deployment. */
export function registriesOf(sr: ServiceRecord, task: Task): ServiceRegistry[] {
  const deployment = sr.service.deployments?.find((d) => d.id === task.startedBy);
  const td = task.startedBy ? sr.launches.get(task.startedBy)?.td : undefined;
  const connect = (deployment?.serviceConnectResources ?? []).flatMap((r) => {
    const portName = deployment!.serviceConnectConfiguration?.services?.find((s) => (s.discoveryName ?? s.portName) === r.discoveryName)?.portName;
    const c = td?.containerDefinitions?.find((cd) => cd.portMappings?.some((p) => p.name === portName));
    const pm = c?.portMappings?.find((p) => p.name === portName);
    return r.discoveryArn && c && pm?.containerPort !== undefined ? [{ registryArn: r.discoveryArn, containerName: c.name, containerPort: pm.containerPort }] : [];
  });
  return [...(sr.service.serviceRegistries ?? []), ...connect];
}

export class ServiceRegistries {
  /** Task id → the registry ARNs it is registered in. */
  private readonly held = new Map<ServiceRecord, Map<string, string[]>>();

  constructor(private readonly backend: EcsBackend) {
    backend.taskListeners.push((state, rec, task) => this.onTask(state, rec, task));
  }

  private onTask(state: EcsState, rec: ClusterRecord, task: Task): void {
    const sr = serviceOfTask(rec, task);
    if (!sr) return;
    let byTask = this.held.get(sr);
    const held = byTask?.get(taskId(task));
    const port = this.backend.peers.servicediscovery.registry;
    if (task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING") {
      if (held) {
        for (const arn of held) port.setHealth(state.accountId, state.region, arn, taskId(task), task.healthStatus === "UNHEALTHY" ? "UNHEALTHY" : "HEALTHY");
        return;
      }
      const registries = registriesOf(sr, task);
      if (!registries.length) return;
      const done: string[] = [];
      for (const reg of registries) {
        if (!reg.registryArn) continue;
        const attributes = registryAttributes(this.backend, state, rec, sr, task, reg);
        if (attributes && !port.register(state.accountId, state.region, reg.registryArn, taskId(task), attributes)) done.push(reg.registryArn);
      }
      if (!byTask) this.held.set(sr, (byTask = new Map()));
      byTask.set(taskId(task), done);
    } else if (held && (task.desiredStatus === "STOPPED" || task.lastStatus === "STOPPED")) {
      byTask!.delete(taskId(task));
      for (const arn of held) port.deregister(state.accountId, state.region, arn, taskId(task));
      if (byTask!.size === 0) this.held.delete(sr);
      if (sr.service.status !== "ACTIVE" && byTask!.size === 0) this.release(state, sr);
    }
  }

  /** Forgets the services it held (the state they lived in was reset). */
  clear(): void {
    this.held.clear();
  }

  /** The Cloud Map services ECS made for a deleted service's Service Connect, once its tasks have left them. */
  release(state: EcsState, sr: ServiceRecord): void {
    deleteDiscoveryServices(this.backend, state, (sr.service.deployments ?? []).flatMap((d) => d.serviceConnectResources ?? []));
  }
}
