// STS behind its query protocol: the sessions it issues (found by access key id, in every account
// and region) and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { StsBackend, StsState } from "./context.js";
import { callerOfSession } from "./domain/sessions.js";
import { startServiceSession } from "./domain/serviceSession.js";
import * as model from "./generated/operations.js";

export type { StsBackend } from "./context.js";

export function createStsState(accountId: string, region: string): StsState {
  return { accountId, region };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("sts", { state: ["states", "sessions"], host: ["config", "timeline", "peers"] });

export function createStsBackend(config: Config, timeline: Timeline, peers: Backends): StsBackend {
  const backend: StsBackend = {
    ...createServiceBackend(config, timeline, "sts", createStsState),
    peers,
    sessions: new Map(),
    callerOf(accessKeyId, sessionToken) {
      const session = backend.sessions.get(accessKeyId);
      return session && callerOfSession(session, timeline.now(), sessionToken);
    },
    serviceSession: (request) => startServiceSession(backend, request),
    session: (accessKeyId) => backend.sessions.get(accessKeyId),
  };
  return backend;
}

export function stsQueryService(backend: StsBackend): QueryService {
  return queryService({
    name: "sts",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    reset: () => backend.sessions.clear(),
    // A session token is a session STS must know after a restart.
    changesState: ["GetSessionToken"],
  });
}
