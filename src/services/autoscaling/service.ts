// Amazon EC2 Auto Scaling behind its query protocol: the backend and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { AutoScalingBackend, AutoScalingState } from "./context.js";
import * as model from "./generated/operations.js";

export type { AutoScalingBackend } from "./context.js";

export function createAutoScalingState(accountId: string, region: string): AutoScalingState {
  return { accountId, region };
}

export function createAutoScalingBackend(config: Config, timeline: Timeline, peers: Backends): AutoScalingBackend {
  return { ...createServiceBackend(config, timeline, "autoscaling", createAutoScalingState), peers };
}

export function autoScalingQueryService(backend: AutoScalingBackend): QueryService {
  return queryService({ name: "autoscaling", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
