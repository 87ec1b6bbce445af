// Where traffic for a target really goes (the data plane asks, peers.ecs.addresses): a target that
// stands for a task ecs-local runs as containers, or a loopback address. An instance target is the
// engine's host (a unix socket's engine is this machine: the loopback) at the host port; an `ip`
// target is the address of a task's network namespace. Anything else (the simulated runtime, an
// address nobody runs here) is nowhere: the data plane neither probes nor forwards to it, and never
// sends to the made-up private addresses EC2 hands out.
import type { EcsBackend } from "./context.js";

export interface TargetAddress {
  host: string;
  port: number;
}

export interface AddressPort {
  locate(accountId: string, region: string, targetType: string, id: string, port: number): TargetAddress | undefined;
}

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The host an engine endpoint publishes ports on: the loopback for a local socket, the URL's host for tcp://. */
export function engineHost(endpoint: string): string | undefined {
  if (endpoint.startsWith("unix://") || endpoint.startsWith("npipe://")) return "127.0.0.1";
  try {
    const host = new URL(endpoint.replace(/^tcp:/, "http:")).hostname;
    return LOOPBACK.test(host) || host === "localhost" ? "127.0.0.1" : host;
  } catch {
    return undefined;
  }
}

export function addressPort(backend: EcsBackend): AddressPort {
  return {
    locate(accountId, region, targetType, id, port) {
      const runtime = backend.runtime;
      if (runtime.kind !== "docker") return undefined;
      const state = backend.states.get(accountId, region);
      for (const rec of state.clusters.values()) {
        if (targetType === "instance") {
          const ci = [...rec.instances.values()].find((i) => i.ec2InstanceId === id);
          const host = ci && runtime.endpointOf ? engineHost(runtime.endpointOf(ci)) : undefined;
          if (host) return { host, port };
          continue;
        }
        for (const task of rec.tasks.values()) {
          if (task.lastStatus !== "RUNNING") continue;
          const eni = task.attachments?.find((a) => a.type === "ElasticNetworkInterface");
          if (eni?.details?.some((d) => d.name === "privateIPv4Address" && d.value === id)) return { host: id, port };
        }
      }
      return undefined;
    },
  };
}
