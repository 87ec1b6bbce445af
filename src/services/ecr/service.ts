// ECR's control plane behind the awsJson protocol: repositories, their lifecycle and repository
// policies, tags, and the registry's description. The registry that holds images (docker push and
// pull) is a data plane of its own, not served here: the image operations answer "not supported".
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { EcrBackend } from "./context.js";
import { constraintError } from "./domain/validation.js";
import * as model from "./generated/operations.js";
import { createEcrState } from "./store.js";

export type { EcrBackend } from "./context.js";

export function createEcrBackend(config: Config, timeline: Timeline, peers: Backends): EcrBackend {
  return { ...createServiceBackend(config, timeline, "ecr", createEcrState), peers };
}

export function ecrJsonService(backend: EcrBackend): JsonService {
  return jsonService({
    name: "ecr",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["ValidationException", "InvalidParameterException"],
    constraintError,
  });
}
