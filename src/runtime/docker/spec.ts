// A container definition (with the task's overrides) as the Engine API's container create body.
import type { ContainerDefinition, ContainerOverride } from "../../services/ecs/generated/types.js";
import type { TaskRun } from "../runtime.js";

export const MANAGED = "ecs-local.managed";

export interface ContainerPlan {
  def: ContainerDefinition;
  override?: ContainerOverride;
  /** The engine's name for it: `ecs-<family>-<revision>-<container>-<hex>`, as the ECS agent names containers. */
  dockerName: string;
  /** What ECS adds to the environment (the task endpoints, the region); the definition's own variables win. */
  environment?: Record<string, string>;
  /** The image as pulled from ecs-local's registry (`localhost:<port>/<name>@<digest>`), for an image from ECR. */
  image?: string;
}

export interface TaskNetwork {
  mode: string;
  /** awsvpc: the container whose network namespace the task's other containers join, and its address. */
  owner?: string;
  ip?: string;
  /** bridge: the engine's name of each container by its task definition name, for `links`. */
  names: Map<string, string>;
}

/** What in a task definition ecs-local cannot honour without AWS: the task is refused with this text. */
export function unsupportedFeature(run: TaskRun): string | undefined {
  for (const v of run.td.volumes ?? []) {
    if (v.efsVolumeConfiguration || v.fsxWindowsFileServerVolumeConfiguration || v.s3filesVolumeConfiguration) return `ecs-local does not support the volume ${v.name}: only host and Docker volumes can be mounted`;
  }
  return undefined;
}

/** The container's environment: its environment files', ECS's own, the definition's, the override's, then the values of its secrets (read at start). */
function env(def: ContainerDefinition, o: ContainerOverride | undefined, run: TaskRun, added: Record<string, string> | undefined): string[] {
  const secrets = run.secrets?.[def.name!];
  const vars = new Map<string, string>(Object.entries({ ...run.environmentFiles?.[def.name!], ...added }));
  for (const kv of [...(def.environment ?? []), ...(o?.environment ?? [])]) if (kv.name) vars.set(kv.name, kv.value ?? "");
  for (const [k, v] of Object.entries(secrets ?? {})) vars.set(k, v);
  return [...vars].map(([k, v]) => `${k}=${v}`);
}

function seconds(n: number | undefined, fallback: number): number {
  return (n ?? fallback) * 1_000_000_000;
}

function mounts(run: TaskRun, def: ContainerDefinition): string[] {
  const taskId = run.task.taskArn!.split("/").pop()!;
  return (def.mountPoints ?? []).flatMap((m) => {
    const v = run.td.volumes?.find((x) => x.name === m.sourceVolume);
    if (!v || !m.containerPath) return [];
    // A host path is bound as it is; a Docker volume with task scope, or an empty host volume, is the task's own.
    const shared = v.dockerVolumeConfiguration?.scope === "shared";
    const source = v.host?.sourcePath ?? (shared ? v.name! : `ecs-local-${taskId}-${v.name}`);
    return [`${source}:${m.containerPath}${m.readOnly ? ":ro" : ""}`];
  });
}

export function labels(run: TaskRun, def: ContainerDefinition): Record<string, string> {
  return {
    ...def.dockerLabels,
    "com.amazonaws.ecs.cluster": run.clusterName,
    "com.amazonaws.ecs.container-name": def.name!,
    "com.amazonaws.ecs.task-arn": run.task.taskArn!,
    "com.amazonaws.ecs.task-definition-family": run.td.family!,
    "com.amazonaws.ecs.task-definition-version": String(run.td.revision),
    [MANAGED]: "true",
    ...(run.instance?.containerInstanceArn ? { "ecs-local.container-instance-arn": run.instance.containerInstanceArn } : {}),
  };
}

export function createBody(run: TaskRun, plan: ContainerPlan, net: TaskNetwork): Record<string, unknown> {
  const { def, override: o } = plan;
  const lp = def.linuxParameters ?? {};
  const memory = o?.memory ?? def.memory;
  const reservation = o?.memoryReservation ?? def.memoryReservation;
  const exposed: Record<string, object> = {};
  const published: Record<string, { HostIp: string; HostPort: string }[]> = {};
  if (net.mode === "bridge") {
    // A dynamic port (hostPort 0 or none) is the engine's to choose, as the ECS agent lets Docker do:
    // several instances may share one engine (one host), where ECS's per-instance choice would clash.
    for (const pm of def.portMappings ?? []) {
      if (pm.containerPort === undefined) continue;
      const key = `${pm.containerPort}/${pm.protocol ?? "tcp"}`;
      exposed[key] = {};
      (published[key] ??= []).push({ HostIp: "", HostPort: pm.hostPort ? String(pm.hostPort) : "" });
    }
  }
  const networkMode = net.mode === "awsvpc" ? (net.owner ? `container:${net.owner}` : "bridge") : net.mode === "host" || net.mode === "none" ? net.mode : "bridge";
  const hc = def.healthCheck;
  return {
    Image: plan.image ?? def.image,
    ...(o?.command ?? def.command ? { Cmd: o?.command ?? def.command } : {}),
    ...(def.entryPoint ? { Entrypoint: def.entryPoint } : {}),
    Env: env(def, o, run, plan.environment),
    ...(def.workingDirectory ? { WorkingDir: def.workingDirectory } : {}),
    ...(def.user ? { User: def.user } : {}),
    // A container joining another's namespace takes its hostname from it.
    ...(def.hostname && !networkMode.startsWith("container:") ? { Hostname: def.hostname } : {}),
    Labels: labels(run, def),
    ExposedPorts: exposed,
    ...(def.stopTimeout !== undefined ? { StopTimeout: def.stopTimeout } : {}),
    ...(def.interactive ? { OpenStdin: true } : {}),
    ...(def.pseudoTerminal ? { Tty: true } : {}),
    ...(def.disableNetworking ? { NetworkDisabled: true } : {}),
    ...(hc
      ? { Healthcheck: { Test: hc.command, Interval: seconds(hc.interval, 30), Timeout: seconds(hc.timeout, 5), Retries: hc.retries ?? 3, StartPeriod: seconds(hc.startPeriod, 0) } }
      : {}),
    HostConfig: {
      // The agent gives a container without a cpu value the smallest share Docker accepts.
      CpuShares: Math.max(2, o?.cpu ?? def.cpu ?? 0),
      ...(memory ? { Memory: memory * 1024 * 1024 } : {}),
      ...(reservation ? { MemoryReservation: reservation * 1024 * 1024 } : {}),
      ...(memory && lp.maxSwap !== undefined ? { MemorySwap: (memory + lp.maxSwap) * 1024 * 1024 } : {}),
      ...(lp.swappiness !== undefined ? { MemorySwappiness: lp.swappiness } : {}),
      ...(def.ulimits ? { Ulimits: def.ulimits.map((u) => ({ Name: u.name, Soft: u.softLimit, Hard: u.hardLimit })) } : {}),
      NetworkMode: networkMode,
      PortBindings: published,
      ...(net.mode === "bridge" && def.links?.length
        ? {
            Links: def.links.map((l) => {
              const [name, alias] = l.split(":");
              return `${net.names.get(name) ?? name}:${alias ?? name}`;
            }),
          }
        : {}),
      Binds: mounts(run, def),
      ...(def.volumesFrom?.length ? { VolumesFrom: def.volumesFrom.map((v) => `${net.names.get(v.sourceContainer!) ?? v.sourceContainer}${v.readOnly ? ":ro" : ""}`) } : {}),
      ...(def.extraHosts ? { ExtraHosts: def.extraHosts.map((h) => `${h.hostname}:${h.ipAddress}`) } : {}),
      ...(def.dnsServers ? { Dns: def.dnsServers } : {}),
      ...(def.dnsSearchDomains ? { DnsSearch: def.dnsSearchDomains } : {}),
      ...(def.privileged ? { Privileged: true } : {}),
      ...(def.readonlyRootFilesystem ? { ReadonlyRootfs: true } : {}),
      ...(def.dockerSecurityOptions ? { SecurityOpt: def.dockerSecurityOptions } : {}),
      ...(lp.initProcessEnabled ? { Init: true } : {}),
      ...(lp.capabilities?.add ? { CapAdd: lp.capabilities.add } : {}),
      ...(lp.capabilities?.drop ? { CapDrop: lp.capabilities.drop } : {}),
      ...(lp.sharedMemorySize ? { ShmSize: lp.sharedMemorySize * 1024 * 1024 } : {}),
      ...(lp.tmpfs ? { Tmpfs: Object.fromEntries(lp.tmpfs.map((t) => [t.containerPath, [...(t.mountOptions ?? []), `size=${t.size}m`].join(",")])) } : {}),
      ...(def.systemControls ? { Sysctls: Object.fromEntries(def.systemControls.map((s) => [s.namespace, s.value])) } : {}),
    },
  };
}

/** Splits an image reference into the engine's `fromImage` and `tag` (a digest stays in the name). */
export function imageRef(image: string): { fromImage: string; tag: string } {
  if (image.includes("@")) return { fromImage: image, tag: "" };
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? { fromImage: image.slice(0, colon), tag: image.slice(colon + 1) } : { fromImage: image, tag: "latest" };
}
