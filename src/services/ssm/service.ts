// Systems Manager Parameter Store behind the awsJson protocol: the backend, its port, and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { ParameterView, SsmBackend } from "./context.js";
import { findParameter } from "./domain/find.js";
import * as model from "./generated/operations.js";
import { createSsmState } from "./store.js";

export type { SsmBackend } from "./context.js";
export { createSsmState } from "./store.js";

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("ssm", { state: ["states"], host: ["config", "timeline", "peers"] });

export function createSsmBackend(config: Config, timeline: Timeline, peers: Backends): SsmBackend {
  const base = createServiceBackend(config, timeline, "ssm", createSsmState);
  const parameterValue = (accountId: string, region: string, reference: string): ParameterView | undefined => {
    let found;
    try {
      found = findParameter(base.states.get(accountId, region), reference);
    } catch {
      return undefined;
    }
    if (!found) return undefined;
    const v = found.version;
    return { name: found.record.name, arn: found.arn, type: v.type, value: v.value, version: v.version };
  };
  return { ...base, peers, parameterValue };
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
