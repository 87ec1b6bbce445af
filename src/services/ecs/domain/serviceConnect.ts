// Service Connect as ECS checks and wires it: a cluster's default namespace (found in Cloud Map by
// name or ARN, or made as an HTTP namespace), a service's configuration (a namespace that exists,
// port names its task definition defines), and the Cloud Map services its tasks are registered in.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Cluster, ClusterServiceConnectDefaults, ClusterServiceConnectDefaultsRequest, ServiceConnectConfiguration, ServiceConnectServiceResource, TaskDefinition } from "../generated/types.js";
import { defaultNamespaceArn, discoveryServices, loadCloudMap, namespaceOf, requireNamespace, type NamespaceRef } from "./cloudMap.js";

/** The defaults a request asks for; an empty namespace removes them. Cloud Map must be loaded (whenServiceConnect). */
export function serviceConnectDefaults(ctx: EcsContext, req: ClusterServiceConnectDefaultsRequest): ClusterServiceConnectDefaults | undefined {
  return req.namespace ? { namespace: defaultNamespaceArn(ctx, req.namespace) } : undefined;
}

/** Runs `then` once Cloud Map's operations are loaded when `needed`; at once otherwise. */
export function whenServiceConnect<T>(ctx: EcsContext, needed: boolean, then: () => T): T | Promise<T> {
  const loading = needed ? loadCloudMap(ctx.backend) : undefined;
  return loading ? loading.then(then) : then();
}

/**
 * A Service Connect configuration as CreateService and UpdateService take it: a namespace, its own
 * or the cluster's default, that Cloud Map has, and port names the task definition's port mappings
 * define. Answers the namespace; Cloud Map must be loaded (whenServiceConnect).
 */
export function checkServiceConnect(ctx: EcsContext, cluster: Cluster, td: TaskDefinition, config: ServiceConnectConfiguration | undefined): NamespaceRef | undefined {
  if (!config?.enabled) return undefined;
  const ref = namespaceOf(config, cluster.serviceConnectDefaults?.namespace);
  if (!ref) {
    throw new InvalidParameterException("Service Connect requires a namespace: specify one in the serviceConnectConfiguration or in the cluster's serviceConnectDefaults.");
  }
  const names = new Set((td.containerDefinitions ?? []).flatMap((c) => (c.portMappings ?? []).map((p) => p.name)).filter(Boolean));
  for (const s of config.services ?? []) {
    if (!names.has(s.portName)) throw new InvalidParameterException(`The port name ${s.portName} in the serviceConnectConfiguration is not the name of a port mapping in the task definition.`);
  }
  return requireNamespace(ctx.backend, ctx.state, ref);
}

/** The Cloud Map services of a checked configuration's services, made where missing: the deployment's serviceConnectResources. */
export function serviceConnectResources(ctx: EcsContext, ns: NamespaceRef | undefined, config: ServiceConnectConfiguration | undefined): ServiceConnectServiceResource[] | undefined {
  if (!ns || !config?.services?.length) return undefined;
  return discoveryServices(ctx.backend, ctx.state, ns, config);
}
