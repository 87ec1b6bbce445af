// EC2 behind its query protocol: the backend (state per account and region) and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { Ec2Backend, Ec2State } from "./context.js";
import * as model from "./generated/operations.js";
import { seedDefaults } from "./domain/network.js";
import { imageView } from "./domain/images.js";
import { newComputeState } from "./domain/computeState.js";
import { putTags } from "./domain/tags.js";
import type { IdSource } from "../../state/ids.js";
import { emptyNetworkState } from "./networkState.js";
import { seedNetworkDefaults } from "./domain/vpcDefaults.js";
import { followInstanceState } from "./domain/publicAddresses.js";

export type { Ec2Backend } from "./context.js";

/** An account's EC2 in a region starts with the default VPC, its subnets and security group. */
export function createEc2State(accountId: string, region: string, ids: IdSource): Ec2State {
  const state: Ec2State = { accountId, region, ids, vpcs: new Map(), subnets: new Map(), securityGroups: new Map(), instances: new Map(), networkInterfaces: new Map(), tags: new Map(), ...emptyNetworkState(), ...newComputeState() };
  seedDefaults(state);
  seedNetworkDefaults(state);
  return state;
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("ec2", { state: ["states"], host: ["config", "timeline", "peers", "instanceListeners"] });

export function createEc2Backend(config: Config, timeline: Timeline, peers: Backends): Ec2Backend {
  const base = createServiceBackend(config, timeline, "ec2", createEc2State);
  return {
    ...base,
    peers,
    instanceListeners: [followInstanceState],
    image: (accountId, region, imageId) => imageView(base.states.get(accountId, region), imageId),
    awsTags: (accountId, region, resourceId, tags) => putTags(base.states.get(accountId, region), resourceId, tags),
    privateIp: (accountId, region, instanceId) => base.states.get(accountId, region).instances.get(instanceId)?.instance.PrivateIpAddress,
  };
}

export function ec2QueryService(backend: Ec2Backend): QueryService {
  return queryService({ name: "ec2", model, backend, operations: () => import("./operations/index.js"), operation: (name) => import(`./operations/${name}.js`) });
}
