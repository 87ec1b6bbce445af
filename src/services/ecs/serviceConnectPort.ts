// Service Connect names as the containers' name server resolves them (peers.ecs.serviceConnect):
// each client alias of a service's Service Connect configuration (its dnsName, by default
// `<discoveryName or portName>.<namespace name>`) names the addresses of the service's running
// tasks; discovery names themselves do not resolve (the model's ServiceConnectServiceResource).
// ecs-local runs no Service Connect proxy: the name resolves, the alias port is not translated
// (clients use the container port), and nothing else of the proxy happens.
import type { EcsBackend } from "./context.js";
import type { Task } from "./generated/types.js";
import type { ClusterRecord, EcsState, ServiceRecord } from "./store.js";

export interface ServiceConnectPort {
  resolve(name: string): { ips: string[]; ttl: number } | undefined;
}

function namesOf(backend: EcsBackend, state: EcsState, rec: ClusterRecord, sr: ServiceRecord): string[] {
  const config = sr.service.deployments?.[0]?.serviceConnectConfiguration;
  if (!config?.enabled) return [];
  const ns = config.namespace ?? rec.cluster.serviceConnectDefaults?.namespace;
  const nsName = ns?.startsWith("arn:") ? backend.peers.servicediscovery.registry.namespaceName(state.accountId, state.region, ns) : ns;
  return (config.services ?? []).flatMap((s) => {
    const fallback = nsName ? `${s.discoveryName ?? s.portName}.${nsName}` : undefined;
    return (s.clientAliases ?? []).map((a) => a.dnsName ?? fallback).filter((n): n is string => !!n).map((n) => n.toLowerCase());
  });
}

function addressOf(backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task): string | undefined {
  const eni = task.attachments?.find((a) => a.type === "ElasticNetworkInterface");
  const ip = eni?.details?.find((d) => d.name === "privateIPv4Address")?.value;
  if (ip) return ip;
  const ci = task.containerInstanceArn ? rec.instances.get(task.containerInstanceArn.split("/").pop()!) : undefined;
  return ci?.ec2InstanceId ? backend.peers.ec2.privateIp(state.accountId, state.region, ci.ec2InstanceId) : undefined;
}

export function serviceConnectPort(backend: EcsBackend): ServiceConnectPort {
  return {
    resolve(name) {
      const wanted = name.toLowerCase().replace(/\.$/, "");
      for (const state of backend.states.all()) {
        for (const rec of state.clusters.values()) {
          for (const sr of rec.services.values()) {
            if (sr.service.status !== "ACTIVE" || !namesOf(backend, state, rec, sr).includes(wanted)) continue;
            const ips = [...sr.tasks.values()].filter((t) => t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING").map((t) => addressOf(backend, state, rec, t));
            return { ips: ips.filter((ip): ip is string => !!ip), ttl: 15 };
          }
        }
      }
      return undefined;
    },
  };
}
