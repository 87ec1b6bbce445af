// Secrets Manager behind the awsJson protocol: the backend, the port other services read secret
// values through, and the handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import { IdSource } from "../../state/ids.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { SecretsManagerBackend, SecretValueView } from "./context.js";
import { parseSecretArn } from "./domain/arn.js";
import { lookupSecret } from "./domain/lookup.js";
import { CURRENT, hasValue, versionById, versionWithStage } from "./domain/versions.js";
import * as model from "./generated/operations.js";
import { createSecretsManagerState } from "./store.js";

export type { SecretsManagerBackend } from "./context.js";
export { createSecretsManagerState } from "./store.js";

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("secretsmanager", { state: ["states", "deletions"], host: ["config", "timeline", "peers", "passwords"] });

export function createSecretsManagerBackend(config: Config, timeline: Timeline, peers: Backends): SecretsManagerBackend {
  const base = createServiceBackend(config, timeline, "secretsmanager", createSecretsManagerState);
  const backend: SecretsManagerBackend = {
    ...base,
    peers,
    // Unseeded on purpose: see SecretsManagerBackend.passwords.
    passwords: new IdSource(),
    deletions: new Map(),
    secretValue: (accountId, region, secretId, select = {}) => secretValue(backend, accountId, region, secretId, select),
  };
  return backend;
}

/**
 * The port: a value as GetSecretValue would answer it, without counting as an access. An ARN names
 * its own account and Region (ECS takes a secret of another Region by its ARN); resource policies
 * are not enforced.
 */
function secretValue(backend: SecretsManagerBackend, accountId: string, region: string, secretId: string, select: { versionStage?: string; versionId?: string }): SecretValueView | undefined {
  const arn = parseSecretArn(secretId);
  const secret = lookupSecret(backend.states.get(arn?.accountId ?? accountId, arn?.region ?? region), secretId);
  if (!secret || secret.deletedDate !== undefined) return undefined;
  const version = select.versionId !== undefined ? versionById(secret, select.versionId) : versionWithStage(secret, select.versionStage ?? CURRENT);
  if (!version || !hasValue(version)) return undefined;
  if (select.versionId !== undefined && select.versionStage !== undefined && !version.stages.includes(select.versionStage)) return undefined;
  return {
    arn: secret.arn,
    name: secret.name,
    versionId: version.versionId,
    ...(version.secretString !== undefined ? { secretString: version.secretString } : {}),
    ...(version.secretBinary !== undefined ? { secretBinary: version.secretBinary } : {}),
  };
}

export function secretsManagerJsonService(backend: SecretsManagerBackend): JsonService {
  return jsonService({
    name: "secretsmanager",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    reset: () => backend.deletions.clear(),
    unsupportedCodes: ["InvalidRequestException"],
    // Reading a value records the day it was read (LastAccessedDate): these reads are journaled.
    changesState: ["GetSecretValue", "BatchGetSecretValue"],
  });
}
