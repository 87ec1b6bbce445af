// CloudFormation behind its query protocol: the backend and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type * as Engine from "./engine/run.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { CloudFormationBackend, CloudFormationState } from "./context.js";
import * as model from "./generated/operations.js";

export type { CloudFormationBackend } from "./context.js";

export function createCloudFormationState(accountId: string, region: string): CloudFormationState {
  return { accountId, region, stacks: new Map(), names: new Map(), exports: new Map() };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("cloudformation", { state: ["states", "wakers"], host: ["config", "timeline", "peers", "stepMs"] });

// The stack engine (its runs, resource providers and templates) loads with the first CloudFormation
// operation, since only an operation makes a waker, and loading every operation (a journal's replay,
// a snapshot builder, health) loads it too: a server that runs no stack never compiles it at start.
let engine: typeof Engine | undefined;
const loadEngine = (): Promise<typeof Engine> => import("./engine/run.js").then((m) => (engine = m));
const withEngine = <M>(loading: Promise<M>): Promise<M> => Promise.all([loading, loadEngine()]).then(([m]) => m);

export function createCloudFormationBackend(config: Config, timeline: Timeline, peers: Backends): CloudFormationBackend {
  const backend: CloudFormationBackend = { ...createServiceBackend(config, timeline, "cloudformation", createCloudFormationState), peers, stepMs: 0, wakers: new Set() };
  // Resources settle as their services' own work runs (an ECS service's tasks start on the clock):
  // after each batch of due work, the operations waiting on one look whether it has settled.
  timeline.onAfterRun(() => {
    if (backend.wakers.size === 0) return;
    for (const w of [...backend.wakers]) engine!.wakeIfSettled(backend, w);
  });
  return backend;
}

export function cloudFormationQueryService(backend: CloudFormationBackend): QueryService {
  return queryService({ name: "cloudformation", model, backend, operations: () => withEngine(import("./operations/index.js")), operation: (name) => withEngine(import(`./operations/${name}.js`)) });
}
