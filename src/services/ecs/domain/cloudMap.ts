// ECS's side of Cloud Map for Service Connect, through Cloud Map's own operations run in process (as
// ECS's service-linked role would call them): a namespace named by name or ARN, the HTTP namespace
// ECS makes for a cluster's default namespace name it does not find, and the API-only Cloud Map
// service ECS makes for each Service Connect service, tagged `AmazonECSManaged` as ECS tags them.
import { AwsError } from "../../../protocol/errors.js";
import type { RequestContext } from "../../../protocol/context.js";
import type { EcsBackend, EcsContext } from "../context.js";
import { InvalidParameterException, NamespaceNotFoundException } from "../generated/errors.js";
import type { ServiceConnectConfiguration, ServiceConnectServiceResource } from "../generated/types.js";
import type { EcsState } from "../store.js";

/** The Cloud Map operations ECS calls (CloudFormation's ECS providers load them too: they call ECS in process). */
export const CLOUD_MAP_OPERATIONS = ["ListNamespaces", "GetNamespace", "CreateHttpNamespace", "GetOperation", "ListServices", "CreateService", "DeleteService", "ListTagsForResource", "ListInstances"];
const MANAGED = [{ Key: "AmazonECSManaged", Value: "true" }];

export interface NamespaceRef {
  arn: string;
  id: string;
  name: string;
}

/** Loads the Cloud Map operations ECS calls; undefined when loaded (await only then). */
export function loadCloudMap(backend: EcsBackend): Promise<void> | undefined {
  return backend.peers.client.load("servicediscovery", CLOUD_MAP_OPERATIONS);
}

function request(state: EcsState): RequestContext {
  return { accountId: state.accountId, region: state.region, requestId: "ecs-service-connect" };
}

function call<T = any>(backend: EcsBackend, state: EcsState, operation: string, input: Record<string, unknown>): T {
  return backend.peers.client.call<T>("servicediscovery", operation, input, request(state));
}

/** A change Cloud Map refuses reaches ECS's caller as ECS's InvalidParameterException, in Cloud Map's words. */
function change<T = any>(backend: EcsBackend, state: EcsState, operation: string, input: Record<string, unknown>): T {
  try {
    return call<T>(backend, state, operation, input);
  } catch (e) {
    if (e instanceof AwsError) throw new InvalidParameterException(e.message);
    throw e;
  }
}

/** The namespace a name or an ARN names in the caller's account and region, if there is one. */
export function findNamespace(backend: EcsBackend, state: EcsState, ref: string): NamespaceRef | undefined {
  try {
    if (ref.startsWith("arn:")) {
      const ns = call(backend, state, "GetNamespace", { Id: ref.split("/").pop() }).Namespace;
      return ns.Arn === ref ? { arn: ns.Arn, id: ns.Id, name: ns.Name } : undefined;
    }
    const found = call(backend, state, "ListNamespaces", { Filters: [{ Name: "NAME", Values: [ref], Condition: "EQ" }] }).Namespaces?.[0];
    return found ? { arn: found.Arn, id: found.Id, name: found.Name } : undefined;
  } catch (e) {
    // A reference Cloud Map refuses (not an id it could hold) names nothing.
    if (e instanceof AwsError) return undefined;
    throw e;
  }
}

/** A namespace Service Connect uses, or ECS's "not found" (the words users report from ECS). */
export function requireNamespace(backend: EcsBackend, state: EcsState, ref: string): NamespaceRef {
  const ns = findNamespace(backend, state, ref);
  if (!ns) throw new NamespaceNotFoundException(`Failed to retrieve namespace for ${ref}`);
  return ns;
}

/** A cluster's default namespace: an ARN as given, a name found, or a new HTTP namespace of that name. */
export function defaultNamespaceArn(ctx: EcsContext, ref: string): string {
  const { backend, state } = ctx;
  if (ref.startsWith("arn:")) return ref;
  const found = findNamespace(backend, state, ref);
  if (found) return found.arn;
  const op = change(backend, state, "CreateHttpNamespace", { Name: ref, Tags: MANAGED }).OperationId;
  const id = call(backend, state, "GetOperation", { OperationId: op }).Operation.Targets.NAMESPACE;
  return call(backend, state, "GetNamespace", { Id: id }).Namespace.Arn;
}

/** The namespace a Service Connect configuration uses: its own, else the cluster's default. */
export function namespaceOf(config: ServiceConnectConfiguration, clusterDefault: string | undefined): string | undefined {
  return config.namespace || clusterDefault;
}

/**
 * The Cloud Map service of each Service Connect service (its discoveryName, else its portName): an
 * existing one of that name in the namespace, else an API-only one ECS makes.
 */
export function discoveryServices(backend: EcsBackend, state: EcsState, ns: NamespaceRef, config: ServiceConnectConfiguration): ServiceConnectServiceResource[] {
  const existing = call(backend, state, "ListServices", { Filters: [{ Name: "NAMESPACE_ID", Values: [ns.id], Condition: "EQ" }] }).Services ?? [];
  return (config.services ?? []).map((s) => {
    const name = s.discoveryName ?? s.portName;
    const found = existing.find((x: { Name: string }) => x.Name === name);
    const arn = found?.Arn ?? change(backend, state, "CreateService", { Name: name, NamespaceId: ns.id, Type: "HTTP", Tags: MANAGED }).Service.Arn;
    return { discoveryName: name, discoveryArn: arn };
  });
}

/** Deletes the Cloud Map services ECS made (tagged by it) once nothing is registered in them; others stay. */
export function deleteDiscoveryServices(backend: EcsBackend, state: EcsState, resources: ServiceConnectServiceResource[]): void {
  const arns = new Set(resources.map((r) => r.discoveryArn!));
  // Nothing ECS made can exist before Cloud Map's operations were first loaded for it.
  if (!arns.size || loadCloudMap(backend)) return;
  for (const arn of arns) {
    try {
      const tags: { Key: string; Value: string }[] = call(backend, state, "ListTagsForResource", { ResourceARN: arn }).Tags ?? [];
      if (!tags.some((t) => t.Key === MANAGED[0].Key && t.Value === MANAGED[0].Value)) continue;
      if (call(backend, state, "ListInstances", { ServiceId: arn.split("/").pop(), MaxResults: 1 }).Instances?.length) continue;
      call(backend, state, "DeleteService", { Id: arn.split("/").pop() });
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
    }
  }
}
