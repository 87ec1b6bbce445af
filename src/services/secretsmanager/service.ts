// Secrets Manager behind the awsJson protocol: the backend and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { SecretsManagerBackend, SecretsManagerState } from "./context.js";
import * as model from "./generated/operations.js";

export type { SecretsManagerBackend } from "./context.js";

export function createSecretsManagerState(accountId: string, region: string): SecretsManagerState {
  return { accountId, region };
}

export function createSecretsManagerBackend(config: Config, timeline: Timeline, peers: Backends): SecretsManagerBackend {
  return { ...createServiceBackend(config, timeline, "secretsmanager", createSecretsManagerState), peers, secretValue: () => undefined };
}

export function secretsManagerJsonService(backend: SecretsManagerBackend): JsonService {
  return jsonService({
    name: "secretsmanager",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["InvalidRequestException"],
  });
}
