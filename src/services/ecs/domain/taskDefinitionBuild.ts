// A registered task definition as ECS stores and answers it: the request with the defaults
// ECS fills in, the launch types it is compatible with and the attributes it requires.
import type { Compatibility, ContainerDefinition, HealthCheck, NetworkMode, PortMapping, RegisterTaskDefinitionRequest, TaskDefinition, Volume } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { isFargateSize } from "./fargate.js";
import { requiredAttributes } from "./taskDefinitionAttributes.js";
import type { TaskSize } from "./taskDefinitionValidation.js";
import { taskDefinitionArn } from "./taskDefinitions.js";
import { sameOrFrozenCopy, sharedText } from "../../../state/shared.js";

/** Log drivers a Fargate task may use. */
const FARGATE_LOG_DRIVERS = ["awslogs", "splunk", "awsfirelens"];

function withPortDefaults(p: PortMapping, networkMode: NetworkMode | undefined): PortMapping {
  const direct = networkMode === "awsvpc" || networkMode === "host";
  // A bridge mapping without hostPort is dynamic, which ECS records as hostPort 0.
  const hostPort = p.hostPort ?? (p.containerPort === undefined ? undefined : direct ? p.containerPort : 0);
  return { ...p, ...(hostPort === undefined ? {} : { hostPort }), protocol: p.protocol ?? "tcp" };
}

/** ECS answers a health check given only its command with the documented interval, timeout and retries. */
function withHealthCheckDefaults(h: HealthCheck): HealthCheck {
  return { ...h, interval: h.interval ?? 30, timeout: h.timeout ?? 5, retries: h.retries ?? 3 };
}

// Every revision keeps its definition: what is the same in most (empty lists, the compatibilities) is
// shared between them, frozen, rather than held once per revision.
const NONE: never[] = Object.freeze([]) as never[];
const EXTERNAL_EC2 = Object.freeze(["EXTERNAL", "EC2"]) as Compatibility[];
const EC2_FARGATE = Object.freeze(["EC2", "FARGATE"]) as Compatibility[];
const EC2_ONLY = Object.freeze(["EC2"]) as Compatibility[];

/** An EFS volume without a root directory mounts the file system's root, and ECS says so. */
function withVolumeDefaults(v: Volume): Volume {
  const efs = v.efsVolumeConfiguration;
  return efs ? { ...v, efsVolumeConfiguration: { ...efs, rootDirectory: efs.rootDirectory ?? "/" } } : v;
}

function withContainerDefaults(c: ContainerDefinition, networkMode: NetworkMode | undefined): ContainerDefinition {
  return {
    name: c.name,
    image: c.image,
    cpu: c.cpu ?? 0,
    ...c,
    ...(c.healthCheck ? { healthCheck: withHealthCheckDefaults(c.healthCheck) } : {}),
    portMappings: c.portMappings ? c.portMappings.map((p) => withPortDefaults(p, networkMode)) : NONE,
    essential: c.essential ?? true,
    environment: c.environment ?? NONE,
    mountPoints: c.mountPoints ?? NONE,
    volumesFrom: c.volumesFrom ?? NONE,
    systemControls: c.systemControls ?? NONE,
  };
}

/** Whether Fargate could run the definition, whatever launch type it asked to be checked for. */
function fargateCompatible(input: RegisterTaskDefinitionRequest, size: TaskSize): boolean {
  if (input.networkMode !== "awsvpc" || size.cpu === undefined || size.memory === undefined) return false;
  if (!isFargateSize(size.cpu, size.memory)) return false;
  if ((input.placementConstraints?.length ?? 0) > 0 || input.ipcMode !== undefined || input.pidMode === "host") return false;
  if ((input.inferenceAccelerators?.length ?? 0) > 0) return false;
  if ((input.volumes ?? []).some((v) => v.host?.sourcePath !== undefined || v.dockerVolumeConfiguration !== undefined)) return false;
  return input.containerDefinitions.every((c) => {
    const driver = c.logConfiguration?.logDriver;
    return !c.privileged && (c.links?.length ?? 0) === 0 && (driver === undefined || FARGATE_LOG_DRIVERS.includes(driver));
  });
}

/**
 * EC2 can run every valid definition; ECS Anywhere (EXTERNAL) every one without awsvpc;
 * Fargate those that fit its rules.
 */
function compatibilities(input: RegisterTaskDefinitionRequest, size: TaskSize): Compatibility[] {
  if (input.networkMode !== "awsvpc") return EXTERNAL_EC2;
  return fargateCompatible(input, size) ? EC2_FARGATE : EC2_ONLY;
}

/**
 * A revision's containers are those of the revision before when they are the same (a deploy script
 * registering a revision per run, changing only what it changes): one frozen copy for all of them.
 */
export function buildTaskDefinition(state: EcsState, input: RegisterTaskDefinitionRequest, size: TaskSize, revision: number, now: number, previous?: TaskDefinition): TaskDefinition {
  const attributes = requiredAttributes(input);
  const optional = <K extends keyof RegisterTaskDefinitionRequest>(key: K) => (input[key] === undefined ? {} : { [key]: input[key] });
  return {
    taskDefinitionArn: taskDefinitionArn(state, input.family, revision),
    containerDefinitions: sameOrFrozenCopy(previous?.containerDefinitions, input.containerDefinitions.map((c) => withContainerDefaults(c, input.networkMode))),
    family: input.family,
    ...optional("taskRoleArn"),
    ...optional("executionRoleArn"),
    // ECS leaves networkMode out when the request did (the instance then uses bridge).
    ...optional("networkMode"),
    revision,
    volumes: input.volumes ? input.volumes.map(withVolumeDefaults) : NONE,
    status: "ACTIVE",
    ...(attributes.length ? { requiresAttributes: attributes } : {}),
    placementConstraints: input.placementConstraints ?? NONE,
    compatibilities: compatibilities(input, size),
    ...optional("runtimePlatform"),
    ...optional("requiresCompatibilities"),
    ...(size.cpu === undefined ? {} : { cpu: String(size.cpu) }),
    ...(size.memory === undefined ? {} : { memory: String(size.memory) }),
    ...optional("inferenceAccelerators"),
    ...optional("pidMode"),
    ...optional("ipcMode"),
    ...optional("proxyConfiguration"),
    registeredAt: now,
    registeredBy: sharedText(`arn:aws:iam::${state.accountId}:root`),
    ...optional("ephemeralStorage"),
    ...optional("enableFaultInjection"),
  };
}
