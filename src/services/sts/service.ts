// STS behind its query protocol: the backend (state per account and region) and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { StsBackend, StsState } from "./context.js";
import * as model from "./generated/operations.js";

export type { StsBackend } from "./context.js";

export function createStsState(accountId: string, region: string): StsState {
  return { accountId, region };
}

export function createStsBackend(config: Config, timeline: Timeline, peers: Backends): StsBackend {
  return { ...createServiceBackend(config, timeline, "sts", createStsState), peers, callerOf: () => undefined };
}

export function stsQueryService(backend: StsBackend): QueryService {
  return queryService({ name: "sts", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
