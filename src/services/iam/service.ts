// IAM behind its query protocol (global: one store per account, every region sees it): the backend and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { IamBackend, IamState } from "./context.js";
import * as model from "./generated/operations.js";

export type { IamBackend } from "./context.js";

export function createIamState(accountId: string, region: string): IamState {
  return { accountId, region };
}

export function createIamBackend(config: Config, timeline: Timeline, peers: Backends): IamBackend {
  return { ...createServiceBackend(config, timeline, "iam", createIamState, { global: true }), peers, callerOf: () => undefined, role: () => undefined, instanceProfile: () => undefined };
}

export function iamQueryService(backend: IamBackend): QueryService {
  return queryService({ name: "iam", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
