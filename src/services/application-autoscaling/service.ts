// Application Auto Scaling behind the awsJson protocol: the backend and its handlers.
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { JsonService } from "../../protocol/json.js";
import type { Backends } from "../backends.js";
import { jsonService } from "../jsonService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState } from "./context.js";
import * as model from "./generated/operations.js";

export type { ApplicationAutoScalingBackend } from "./context.js";

export function createApplicationAutoScalingState(accountId: string, region: string): ApplicationAutoScalingState {
  return { accountId, region };
}

export function createApplicationAutoScalingBackend(config: Config, timeline: Timeline, peers: Backends): ApplicationAutoScalingBackend {
  return { ...createServiceBackend(config, timeline, "application-autoscaling", createApplicationAutoScalingState), peers };
}

export function applicationAutoScalingJsonService(backend: ApplicationAutoScalingBackend): JsonService {
  return jsonService({
    name: "application-autoscaling",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    unsupportedCodes: ["ValidationException"],
  });
}
