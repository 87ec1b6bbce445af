// CloudFormation behind its query protocol: the backend and its handlers.
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

export function createCloudFormationBackend(config: Config, timeline: Timeline, peers: Backends): CloudFormationBackend {
  const backend: CloudFormationBackend = { ...createServiceBackend(config, timeline, "cloudformation", createCloudFormationState), peers, stepMs: 0, wakers: new Set() };
  // A service settles as its tasks change (the container runtime reports them between turns): the
  // stacks waiting on one look again then, not only at their next spaced-out check.
  peers.ecs.taskListeners.push(() => {
    for (const wake of [...backend.wakers]) wake();
  });
  return backend;
}

export function cloudFormationQueryService(backend: CloudFormationBackend): QueryService {
  return queryService({ name: "cloudformation", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
