// Services: their ARNs, finding one by name or ARN, and how the API shows them.
import { ServiceNotActiveException, ServiceNotFoundException } from "../generated/errors.js";
import type { Service, ServiceField, Task, UpdateServiceRequest } from "../generated/types.js";
import type { ClusterRecord, EcsState, ServiceRecord } from "../store.js";
import { ecsArn, isArn, parseArn, wrongCluster } from "./arn.js";
import { InvalidParameterException } from "../generated/errors.js";
import { tagsOf } from "./tags.js";

export const SERVICE_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export function serviceArn(state: EcsState, clusterName: string, name: string): string {
  return ecsArn(state, `service/${clusterName}/${name}`);
}

/** The group a service's tasks carry. */
export function serviceGroup(name: string): string {
  return `service:${name}`;
}

/** The service that launched a task (its group names the service, and the service knows the launch), if any. */
export function serviceOfTask(rec: ClusterRecord, task: Task): ServiceRecord | undefined {
  if (!task.group?.startsWith("service:")) return undefined;
  const sr = rec.services.get(task.group.slice("service:".length));
  return sr && task.startedBy && sr.launches.has(task.startedBy) ? sr : undefined;
}

/**
 * The service name a reference (name or ARN) points at; undefined when an ARN names another account
 * or region, an error when it names another cluster. Old-format ARNs (service/<name>) carry no cluster.
 */
export function serviceNameFromRef(state: EcsState, rec: ClusterRecord, ref: string): string | undefined {
  if (!isArn(ref)) return ref;
  const p = parseArn(ref);
  if (!p) throw new InvalidParameterException("Invalid identifier: Identifier is for an incorrect resource type.");
  if (p.type !== "service") throw new InvalidParameterException(`Unsupported resource type: ${p.type}`);
  if (p.accountId !== state.accountId || p.region !== state.region) return undefined;
  const parts = p.path.split("/");
  if (parts.length === 1) return parts[0];
  if (parts[0] !== rec.cluster.clusterName) throw wrongCluster(parts[0], rec.cluster.clusterName!);
  return parts[1];
}

export function findService(state: EcsState, rec: ClusterRecord, ref: string): ServiceRecord | undefined {
  const name = serviceNameFromRef(state, rec, ref);
  return name === undefined ? undefined : rec.services.get(name);
}

/** The service an operation acts on: unknown or INACTIVE is "not found". */
export function existingService(state: EcsState, rec: ClusterRecord, ref: string): ServiceRecord {
  const sr = findService(state, rec, ref);
  if (!sr || sr.service.status === "INACTIVE") throw new ServiceNotFoundException("Service not found.");
  return sr;
}

/** The service an update acts on: it must be ACTIVE. */
export function activeService(state: EcsState, rec: ClusterRecord, ref: string): ServiceRecord {
  const sr = findService(state, rec, ref);
  if (!sr) throw new ServiceNotFoundException("Service not found.");
  if (sr.service.status !== "ACTIVE") throw new ServiceNotActiveException("Service was not ACTIVE.");
  return sr;
}

/** The service as Describe/Create/Update/Delete answer it; tags only when asked for. */
export function describeService(state: EcsState, sr: ServiceRecord, include: ServiceField[] = []): Service {
  const out = { ...sr.service };
  if (include.includes("TAGS")) out.tags = tagsOf(state, sr.service.serviceArn!);
  else delete out.tags;
  return out;
}

/** Refuses a desired count a service cannot take, as CreateService and UpdateService both do. */
export function checkDesiredCount(desiredCount: number | undefined, daemon = false): void {
  if (desiredCount === undefined) return;
  if (daemon) throw new InvalidParameterException("The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again");
  if (desiredCount < 0) throw new InvalidParameterException("Desired count must be greater than or equal to 0.");
}

/** The settings UpdateService changes in place on any service, whatever its deployment controller. */
export function applyServiceSettings(s: Service, input: UpdateServiceRequest): void {
  if (input.desiredCount !== undefined) s.desiredCount = input.desiredCount;
  if (input.deploymentConfiguration) s.deploymentConfiguration = { ...s.deploymentConfiguration, ...input.deploymentConfiguration };
  if (input.healthCheckGracePeriodSeconds !== undefined) s.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  if (input.placementConstraints !== undefined) s.placementConstraints = input.placementConstraints;
  if (input.placementStrategy !== undefined) s.placementStrategy = input.placementStrategy;
  if (input.propagateTags !== undefined) s.propagateTags = input.propagateTags;
  if (input.enableECSManagedTags !== undefined) s.enableECSManagedTags = input.enableECSManagedTags;
  if (input.enableExecuteCommand !== undefined) s.enableExecuteCommand = input.enableExecuteCommand;
}
