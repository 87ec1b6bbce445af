// Application Auto Scaling behind the awsJson protocol: the backend and its handlers, and ecs-local's
// own operation that sets a service's utilization (journaled like a request, never on the wire).
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend, serviceContext } from "../serviceBackend.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState, UtilizationInput } from "./context.js";
import { setUtilization, SET_UTILIZATION } from "./domain/utilization.js";
import * as model from "./generated/operations.js";

export type { ApplicationAutoScalingBackend } from "./context.js";

export function createApplicationAutoScalingState(accountId: string, region: string): ApplicationAutoScalingState {
  return { accountId, region, targets: new Map(), activities: [], utilization: new Map() };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("applicationAutoScaling", { state: ["states", "targetTimers", "actionTimers"], host: ["config", "timeline", "peers"] });

export function createApplicationAutoScalingBackend(config: Config, timeline: Timeline, peers: Backends): ApplicationAutoScalingBackend {
  const base = createServiceBackend(config, timeline, "application-autoscaling", createApplicationAutoScalingState);
  return {
    ...base,
    peers,
    targetTimers: new Map(),
    actionTimers: new Map(),
    setUtilization: () => Promise.reject(new Error("Application Auto Scaling is not served yet")),
  };
}

export function applicationAutoScalingJsonService(backend: ApplicationAutoScalingBackend): JsonService {
  const service = jsonService({
    name: "application-autoscaling",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["ValidationException"],
    reset: () => (backend.targetTimers.clear(), backend.actionTimers.clear()),
  });
  // Not an AWS operation, so the wire never reaches it (the protocol answers UnknownOperation); it
  // goes through `invoke` so that persistence journals and replays it as it does requests.
  const invoke = service.invoke.bind(service);
  service.invoke = (op, input, request) => (op === SET_UTILIZATION ? setUtilization(input as unknown as UtilizationInput, serviceContext(backend, request)) : invoke(op, input, request));
  // Looked up on each call: persistence replaces `service.invoke` with its journaling wrapper.
  backend.setUtilization = async (input, request) => service.invoke(SET_UTILIZATION, input as unknown as Record<string, unknown>, request);
  return service;
}
