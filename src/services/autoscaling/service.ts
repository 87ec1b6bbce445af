// Amazon EC2 Auto Scaling behind its query protocol: the backend, the port ECS's capacity providers
// use, the listener that hears EC2's instance changes, and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { AutoScalingBackend, AutoScalingState } from "./context.js";
import * as model from "./generated/operations.js";
import { instanceChanged, lazyGroupsPort, loadGroupCode } from "./domain/groupCode.js";
import { loadPeers } from "./domain/peers.js";

export type { AutoScalingBackend } from "./context.js";

export function createAutoScalingState(accountId: string, region: string): AutoScalingState {
  return { accountId, region, groups: new Map(), launchConfigurations: new Map(), activities: [], activityCounts: new Map(), instanceGroups: new Map() };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("autoscaling", { state: ["states"], host: ["config", "timeline", "peers", "groups", "terminatingListeners"] });

export function createAutoScalingBackend(config: Config, timeline: Timeline, peers: Backends): AutoScalingBackend {
  const backend = { ...createServiceBackend(config, timeline, "autoscaling", createAutoScalingState), peers, terminatingListeners: [] } as unknown as AutoScalingBackend;
  backend.groups = lazyGroupsPort(backend);
  return backend;
}

/** Groups hear of their instances from EC2, as the ECS agent does (src/services/registry.ts wires both). */
export function connectAutoScaling(backend: AutoScalingBackend): void {
  backend.peers.ec2.instanceListeners.push((ec2State, rec) => instanceChanged(backend, ec2State, rec));
}

export function autoScalingQueryService(backend: AutoScalingBackend): QueryService {
  const service = queryService({ name: "autoscaling", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
  // Operations call EC2 and ELBv2 in process, synchronously: whoever loads one of ours loads those
  // too, and then the code that acts on groups outside operations (domain/groupCode.ts): after, not
  // beside, since vitest's module runner can deadlock on two imports of one cycle at once.
  const load = service.load!.bind(service);
  service.load = (op) => {
    const pending = [load(op), loadPeers(backend)].filter((p): p is Promise<void> => p !== undefined);
    return pending.length ? Promise.all(pending).then(() => loadGroupCode()) : loadGroupCode();
  };
  return service;
}
