// The port ECS and the DNS server use (port.ts), on the backend's own state.
import { AwsError } from "../../protocol/errors.js";
import type { ServiceDiscoveryBackend } from "./context.js";
import type { RegistryPort } from "./port.js";
import { byHealth, deregisterInstance, registerInstance, setHealth } from "./domain/instances.js";
import { startOperation } from "./domain/operations.js";
import type { ServiceRecord } from "./store.js";

export function registryPort(backend: ServiceDiscoveryBackend): RegistryPort {
  const lookup = (accountId: string, region: string, arn: string) => {
    const state = backend.states.get(accountId, region);
    const sr = state.services.get(arn.split("/").pop() ?? "");
    return sr && sr.service.Arn === arn ? { state, sr } : undefined;
  };
  return {
    find(accountId, region, arn) {
      const found = lookup(accountId, region, arn);
      if (!found) return undefined;
      const { state, sr } = found;
      const ns = state.namespaces.get(sr.service.NamespaceId!);
      return {
        serviceArn: arn,
        serviceId: sr.service.Id!,
        serviceName: sr.service.Name!,
        namespaceName: ns?.namespace.Name ?? "",
        namespaceType: ns?.namespace.Type ?? "HTTP",
        records: sr.service.DnsConfig?.DnsRecords ?? [],
        customHealth: sr.service.HealthCheckCustomConfig !== undefined,
      };
    },
    register(accountId, region, arn, instanceId, attributes) {
      const found = lookup(accountId, region, arn);
      if (!found) return `Service not found: ${arn}`;
      try {
        registerInstance(found.sr, instanceId, attributes);
      } catch (e) {
        if (e instanceof AwsError) return e.message;
        throw e;
      }
      startOperation({ state: found.state, backend }, "REGISTER_INSTANCE", { SERVICE: found.sr.service.Id!, INSTANCE: instanceId });
      return undefined;
    },
    deregister(accountId, region, arn, instanceId) {
      const found = lookup(accountId, region, arn);
      if (!found || !deregisterInstance(found.sr, instanceId)) return;
      startOperation({ state: found.state, backend }, "DEREGISTER_INSTANCE", { SERVICE: found.sr.service.Id!, INSTANCE: instanceId });
    },
    setHealth(accountId, region, arn, instanceId, health) {
      const found = lookup(accountId, region, arn);
      const inst = found?.sr.instances.get(instanceId);
      if (found && inst && found.sr.service.HealthCheckCustomConfig) setHealth(found.sr, inst, health);
    },
    namespaceName(accountId, region, arn) {
      const ns = backend.states.get(accountId, region).namespaces.get(arn.split("/").pop() ?? "");
      return ns?.namespace.Arn === arn ? ns.namespace.Name : undefined;
    },
    inZone(name) {
      const wanted = name.toLowerCase().replace(/\.$/, "");
      for (const state of backend.states.all()) {
        for (const ns of state.namespaces.values()) {
          const zone = ns.namespace.Name!.toLowerCase();
          if (ns.namespace.Type !== "HTTP" && (wanted === zone || wanted.endsWith(`.${zone}`))) return true;
        }
      }
      return false;
    },
    resolve(name) {
      const wanted = name.toLowerCase().replace(/\.$/, "");
      for (const state of backend.states.all()) {
        for (const sr of state.services.values()) {
          const ns = state.namespaces.get(sr.service.NamespaceId!);
          // Only DNS records resolve: an API-only service (HTTP) has none.
          if (!ns || !sr.service.DnsConfig || `${sr.service.Name}.${ns.namespace.Name}`.toLowerCase() !== wanted) continue;
          return answer(sr);
        }
      }
      return undefined;
    },
  };
}

function answer(sr: ServiceRecord) {
  // `__id`: the instance id, which names an SRV record's target.
  const instances = byHealth(sr, "HEALTHY_OR_ELSE_ALL").map((i) => ({ ...i.attributes, __id: i.id }));
  return { records: sr.service.DnsConfig?.DnsRecords ?? [], instances };
}
