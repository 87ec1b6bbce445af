// Systems Manager Parameter Store behind the awsJson protocol: the backend and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { SsmBackend, SsmState } from "./context.js";
import * as model from "./generated/operations.js";

export type { SsmBackend } from "./context.js";

export function createSsmState(accountId: string, region: string): SsmState {
  return { accountId, region };
}

export function createSsmBackend(config: Config, timeline: Timeline, peers: Backends): SsmBackend {
  return { ...createServiceBackend(config, timeline, "ssm", createSsmState), peers, parameterValue: () => undefined };
}

export function ssmJsonService(backend: SsmBackend): JsonService {
  return jsonService({
    name: "ssm",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["ValidationException"],
  });
}
