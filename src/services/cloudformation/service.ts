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
  return { accountId, region };
}

export function createCloudFormationBackend(config: Config, timeline: Timeline, peers: Backends): CloudFormationBackend {
  return { ...createServiceBackend(config, timeline, "cloudformation", createCloudFormationState), peers };
}

export function cloudFormationQueryService(backend: CloudFormationBackend): QueryService {
  return queryService({ name: "cloudformation", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
