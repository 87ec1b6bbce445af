// Service Connect defaults of a cluster. ecs-local has no Cloud Map, so a namespace given by name
// stands for a namespace whose ARN is derived from the name: the same name always gives the same ARN.
import { createHash } from "node:crypto";
import { InvalidParameterException } from "../generated/errors.js";
import type { Cluster, ClusterServiceConnectDefaults, ClusterServiceConnectDefaultsRequest, ServiceConnectConfiguration, TaskDefinition } from "../generated/types.js";
import type { EcsState } from "../store.js";

export function namespaceArn(state: EcsState, namespace: string): string {
  if (namespace.startsWith("arn:")) return namespace;
  const digest = createHash("sha256").update(`${state.accountId}/${state.region}/${namespace}`).digest();
  const id = [...digest.subarray(0, 16)].map((b) => "abcdefghijklmnopqrstuvwxyz234567"[b % 32]).join("");
  return `arn:aws:servicediscovery:${state.region}:${state.accountId}:namespace/ns-${id}`;
}

/** The defaults a request asks for; an empty namespace removes them. */
export function serviceConnectDefaults(state: EcsState, req: ClusterServiceConnectDefaultsRequest): ClusterServiceConnectDefaults | undefined {
  return req.namespace ? { namespace: namespaceArn(state, req.namespace) } : undefined;
}

/**
 * A Service Connect configuration as CreateService and UpdateService take it: a namespace, its own
 * or the cluster's default, and port names the task definition's port mappings define.
 */
export function checkServiceConnect(cluster: Cluster, td: TaskDefinition, config: ServiceConnectConfiguration | undefined): void {
  if (!config?.enabled) return;
  if (!config.namespace && !cluster.serviceConnectDefaults?.namespace) {
    throw new InvalidParameterException("Service Connect requires a namespace: specify one in the serviceConnectConfiguration or in the cluster's serviceConnectDefaults.");
  }
  const names = new Set((td.containerDefinitions ?? []).flatMap((c) => (c.portMappings ?? []).map((p) => p.name)).filter(Boolean));
  for (const s of config.services ?? []) {
    if (!names.has(s.portName)) throw new InvalidParameterException(`The port name ${s.portName} in the serviceConnectConfiguration is not the name of a port mapping in the task definition.`);
  }
}
