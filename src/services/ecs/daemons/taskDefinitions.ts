// Daemon task definitions: their own families and revisions, apart from task definitions, found by
// family (its latest ACTIVE revision), family:revision or ARN, and checked as ECS checks them.
import { ClientException } from "../generated/errors.js";
import type { DaemonContainerDefinition, DaemonTaskDefinition, RegisterDaemonTaskDefinitionRequest } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { ecsArn, isArn, parseArn } from "../domain/arn.js";
import { parseTaskCpu, parseTaskMemory } from "../domain/fargate.js";

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/;
const NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const MAX_CONTAINERS = 10;

/** What TerraForm's provider matches on (`not found`, `being deleted`); the rest of the words chosen. */
export const DAEMON_TD_NOT_FOUND = "The specified daemon task definition was not found. Specify a valid family, revision or ARN and try again.";
export const DAEMON_TD_BEING_DELETED = "The specified daemon task definition is being deleted.";

export const daemonTaskDefinitionArn = (state: EcsState, family: string, revision: number): string => ecsArn(state, `daemon-task-definition/${family}:${revision}`);

/** "family", "family:revision" or an ARN of this account and region, split; undefined for anything else. */
export function parseDaemonTdRef(state: EcsState, ref: string): { family: string; revision?: number } | undefined {
  let spec = ref;
  if (isArn(ref)) {
    const p = parseArn(ref);
    if (!p || p.type !== "daemon-task-definition" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
    spec = p.path;
  }
  const colon = spec.lastIndexOf(":");
  if (colon < 0) return { family: spec };
  const revision = spec.slice(colon + 1);
  return /^[1-9]\d*$/.test(revision) ? { family: spec.slice(0, colon), revision: Number(revision) } : undefined;
}

/** The revision a reference names in any status, or the family's latest ACTIVE one; undefined when none. */
export function findDaemonTd(state: EcsState, ref: string): DaemonTaskDefinition | undefined {
  const parsed = parseDaemonTdRef(state, ref);
  if (!parsed) return undefined;
  const revisions = state.daemonTaskDefinitions.get(parsed.family) ?? [];
  if (parsed.revision !== undefined) return revisions[parsed.revision - 1];
  for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i].status === "ACTIVE") return revisions[i];
  return undefined;
}

function checkContainers(containers: DaemonContainerDefinition[], taskMemory: number | undefined): void {
  if (containers.length === 0) throw new ClientException("Container list cannot be empty.");
  if (containers.length > MAX_CONTAINERS) throw new ClientException("Too many containers.");
  const seen = new Set<string>();
  for (const c of containers) {
    if (c.name !== undefined && !NAME.test(c.name)) throw new ClientException("Container.name contains invalid characters.");
    if (!c.image) throw new ClientException("Container.image should not be null or empty.");
    if (c.name !== undefined && seen.has(c.name)) throw new ClientException("Container names must be unique.");
    if (c.name !== undefined) seen.add(c.name);
    const label = c.name ?? c.image;
    if (taskMemory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
      throw new ClientException(`Invalid setting for container '${label}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
    }
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) {
      throw new ClientException(`Invalid setting for container '${label}'. 'memory' must be greater than or equal to 'memoryReservation'.`);
    }
  }
}

/** Checks a registration; answers the task-level sizes in units and MiB. */
export function validateDaemonTd(input: RegisterDaemonTaskDefinitionRequest): { cpu?: number; memory?: number } {
  if (input.family === "") throw new ClientException("Family can not be blank.");
  if (!FAMILY.test(input.family)) throw new ClientException("Family contains invalid characters.");
  const size = { cpu: input.cpu === undefined ? undefined : parseTaskCpu(input.cpu), memory: input.memory === undefined ? undefined : parseTaskMemory(input.memory) };
  checkContainers(input.containerDefinitions, size.memory);
  const hasSecrets = input.containerDefinitions.some((c) => c.secrets?.length || c.logConfiguration?.secretOptions?.length);
  if (hasSecrets && !input.executionRoleArn) throw new ClientException("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
  return size;
}

/** A container as DescribeDaemonTaskDefinition answers it: cpu 0, essential, empty mount points and secrets unless given. */
function withDefaults(c: DaemonContainerDefinition): DaemonContainerDefinition {
  return { ...c, cpu: c.cpu ?? 0, essential: c.essential ?? true, mountPoints: c.mountPoints ?? [], secrets: c.secrets ?? [] };
}

export function buildDaemonTd(state: EcsState, input: RegisterDaemonTaskDefinitionRequest, size: { cpu?: number; memory?: number }, revision: number, now: number): DaemonTaskDefinition {
  return {
    daemonTaskDefinitionArn: daemonTaskDefinitionArn(state, input.family, revision),
    family: input.family,
    revision,
    ...(input.taskRoleArn === undefined ? {} : { taskRoleArn: input.taskRoleArn }),
    ...(input.executionRoleArn === undefined ? {} : { executionRoleArn: input.executionRoleArn }),
    containerDefinitions: input.containerDefinitions.map(withDefaults),
    volumes: input.volumes ?? [],
    ...(size.cpu === undefined ? {} : { cpu: String(size.cpu) }),
    ...(size.memory === undefined ? {} : { memory: String(size.memory) }),
    status: "ACTIVE",
    registeredAt: now,
    registeredBy: `arn:aws:iam::${state.accountId}:root`,
  };
}

/** CPU units and MiB one daemon task of this definition takes on its instance. */
export function daemonTdNeeds(td: DaemonTaskDefinition): { cpu: number; memory: number } {
  const containers = td.containerDefinitions ?? [];
  const cpu = td.cpu !== undefined ? Number(td.cpu) : containers.reduce((n, c) => n + (c.cpu ?? 0), 0);
  const memory = td.memory !== undefined ? Number(td.memory) : containers.reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0);
  return { cpu, memory };
}
