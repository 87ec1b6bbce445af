// AWS Cloud Map (servicediscovery) behind the awsJson protocol: the backend, its port, its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { ServiceDiscoveryBackend } from "./context.js";
import * as model from "./generated/operations.js";
import { registryPort } from "./registryPort.js";
import { createServiceDiscoveryState } from "./store.js";

export type { ServiceDiscoveryBackend } from "./context.js";

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("servicediscovery", { state: ["states"], host: ["config", "timeline", "peers", "registry"] });

export function createServiceDiscoveryBackend(config: Config, timeline: Timeline, peers: Backends): ServiceDiscoveryBackend {
  const backend = { ...createServiceBackend(config, timeline, "servicediscovery", createServiceDiscoveryState), peers } as ServiceDiscoveryBackend;
  backend.registry = registryPort(backend);
  return backend;
}

export function serviceDiscoveryJsonService(backend: ServiceDiscoveryBackend): JsonService {
  return jsonService({
    name: "servicediscovery",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["InvalidInput"],
  });
}
