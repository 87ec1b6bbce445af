// ELBv2 behind its query protocol: the backend (state per account and region) and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { Elbv2Backend, Elbv2State } from "./context.js";
import * as model from "./generated/operations.js";
import { targetGroupPort } from "./targetGroupPort.js";
import { listenersChanged } from "./domain/watchers.js";
import { trafficPort } from "./trafficPort.js";
import type { IdSource } from "../../state/ids.js";

export type { Elbv2Backend } from "./context.js";

export function createElbv2State(accountId: string, region: string, ids: IdSource): Elbv2State {
  return { accountId, region, ids, loadBalancers: new Map(), listeners: new Map(), targetGroups: new Map(), tags: new Map() };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("elbv2", { state: ["states"], host: ["config", "timeline", "peers", "targets", "traffic", "listenerWatchers"] });

export function createElbv2Backend(config: Config, timeline: Timeline, peers: Backends): Elbv2Backend {
  const backend = { ...createServiceBackend(config, timeline, "elbv2", createElbv2State), peers, listenerWatchers: new Set() } as Elbv2Backend;
  backend.targets = targetGroupPort(backend);
  backend.traffic = trafficPort(backend);
  return backend;
}

export function elbv2QueryService(backend: Elbv2Backend): QueryService {
  return queryService({ name: "elbv2", model, backend, reset: () => listenersChanged(backend), operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
