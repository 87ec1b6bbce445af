// The semantic checks RegisterTaskDefinition makes before anything is stored, with ECS's texts.
import { ClientException } from "../generated/errors.js";
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from "../generated/types.js";
import { fargateSizeError, isFargateSize, parseTaskCpu, parseTaskMemory } from "./fargate.js";

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/;
const CONTAINER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;
/** Letters, numbers, hyphens, underscores, colons, periods, slashes, number signs, and "@" for digests. */
const IMAGE = /^[a-zA-Z0-9_\-:./#@]+$/;
const MAX_CONTAINERS = 10;

/** Task-level sizes after ECS's normalisation ("1 vCPU" → 1024, "2 GB" → 2048). */
export interface TaskSize {
  cpu?: number;
  memory?: number;
}

export function validateTaskDefinition(input: RegisterTaskDefinitionRequest): TaskSize {
  checkFamily(input.family);
  checkContainerList(input.containerDefinitions);
  const size: TaskSize = {
    cpu: input.cpu === undefined ? undefined : parseTaskCpu(input.cpu),
    memory: input.memory === undefined ? undefined : parseTaskMemory(input.memory),
  };
  if (input.requiresCompatibilities?.includes("FARGATE")) checkFargate(input, size);
  for (const c of input.containerDefinitions) {
    checkPorts(c, input.networkMode);
    checkContainerMemory(c, size.memory);
  }
  checkReservationSum(input.containerDefinitions, size.memory);
  checkSecretsRole(input);
  return size;
}

/** Secrets are read with the task execution role: ECS refuses them without one (fabfuel/ecs-deploy#87). */
function checkSecretsRole(input: RegisterTaskDefinitionRequest): void {
  if (input.executionRoleArn) return;
  for (const c of input.containerDefinitions) {
    if (c.secrets?.length) throw new ClientException("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
    if (c.logConfiguration?.secretOptions?.length) throw new ClientException("When you are specifying log driver secret options, you must also specify a value for 'executionRoleArn'.");
  }
}

function checkFamily(family: string): void {
  if (family === "") throw new ClientException("Family can not be blank.");
  if (!FAMILY.test(family)) throw new ClientException("Family contains invalid characters.");
}

function checkContainerList(containers: ContainerDefinition[]): void {
  if (containers.length === 0) throw new ClientException("Container list cannot be empty.");
  if (containers.length > MAX_CONTAINERS) throw new ClientException("Too many containers.");
  const seen = new Set<string>();
  for (const c of containers) {
    if (!c.name) throw new ClientException("Container.name should not be null or empty.");
    if (!CONTAINER_NAME.test(c.name)) throw new ClientException("Container.name contains invalid characters.");
    if (!c.image) throw new ClientException("Container.image should not be null or empty.");
    if (!IMAGE.test(c.image)) throw new ClientException("Container.image contains invalid characters.");
    if (seen.has(c.name)) throw new ClientException("Container names must be unique.");
    seen.add(c.name);
  }
}

function checkFargate(input: RegisterTaskDefinitionRequest, size: TaskSize): void {
  if (input.networkMode !== "awsvpc") throw new ClientException("Fargate only supports network mode \u2018awsvpc\u2019.");
  if (size.cpu === undefined) throw new ClientException("Fargate requires that 'cpu' be defined at the task level.");
  if (size.memory === undefined) throw new ClientException("Fargate requires that 'memory' be defined at the task level.");
  if (!isFargateSize(size.cpu, size.memory)) throw fargateSizeError(size.cpu, size.memory);
  if (input.pidMode === "host") throw new ClientException("Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
  if (input.ipcMode !== undefined) throw new ClientException("Tasks using the Fargate launch type do not support ipcMode.");
}

function checkPorts(c: ContainerDefinition, networkMode: string | undefined): void {
  if (networkMode !== "awsvpc" && networkMode !== "host") return;
  for (const p of c.portMappings ?? []) {
    if (p.hostPort !== undefined && p.containerPort !== undefined && p.hostPort !== p.containerPort) {
      throw new ClientException(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`);
    }
  }
}

function checkContainerMemory(c: ContainerDefinition, taskMemory: number | undefined): void {
  const name = c.name!;
  if (taskMemory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
    throw new ClientException(`Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
  }
  if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) {
    throw new ClientException(`Invalid setting for container '${name}'. 'memory' must be greater than or equal to 'memoryReservation'.`);
  }
  if (taskMemory !== undefined && c.memory !== undefined && c.memory > taskMemory) {
    throw new ClientException(`The 'memory' setting for container '${name}' is greater than for the task.`);
  }
}

function checkReservationSum(containers: ContainerDefinition[], taskMemory: number | undefined): void {
  if (taskMemory === undefined) return;
  const sum = containers.reduce((n, c) => n + (c.memoryReservation ?? 0), 0);
  if (sum > taskMemory) throw new ClientException("The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
}
