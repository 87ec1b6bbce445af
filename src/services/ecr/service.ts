// ECR behind the awsJson protocol: repositories, their images (what the registry behind `/v2/`
// accepted, src/dataplane/registry/), lifecycle and repository policies, scans, tags, registry
// passwords and the registry's description.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { EcrBackend } from "./context.js";
import { registryPort } from "./domain/registryPort.js";
import { constraintError } from "./domain/validation.js";
import * as model from "./generated/operations.js";
import { createEcrState } from "./store.js";

export type { EcrBackend } from "./context.js";

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("ecr", { state: ["states", "tokens", "lifecycleTimers"], host: ["config", "timeline", "peers", "registry"] });

export function createEcrBackend(config: Config, timeline: Timeline, peers: Backends): EcrBackend {
  const base = { ...createServiceBackend(config, timeline, "ecr", createEcrState), peers, tokens: new Map(), lifecycleTimers: new Map() };
  return { ...base, registry: registryPort(base) };
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
    reset: () => {
      backend.tokens.clear();
      backend.lifecycleTimers.clear();
    },
    // A registry password is one the registry must know after a restart.
    changesState: ["GetAuthorizationToken"],
  });
}
