// IAM behind its query protocol (global: one store per account, every region sees it): the backend,
// the ports it offers other services, and its handlers.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import { AwsError } from "../../protocol/errors.js";
import type { QueryService } from "../../protocol/query.js";
import type { Backends } from "../backends.js";
import { queryService } from "../queryService.js";
import { createServiceBackend } from "../serviceBackend.js";
import type { IamBackend, IamState } from "./context.js";
import * as model from "./generated/operations.js";

export type { IamBackend } from "./context.js";

export function createIamState(accountId: string, region: string): IamState {
  return { accountId, region, seq: 0, roles: new Map(), users: new Map(), instanceProfiles: new Map(), policies: new Map(), awsPolicyUsage: new Map(), aliases: [], deletionTasks: new Map() };
}

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("iam", { state: ["states", "keys"], host: ["config", "timeline", "peers"] });

export function createIamBackend(config: Config, timeline: Timeline, peers: Backends): IamBackend {
  const base = createServiceBackend(config, timeline, "iam", createIamState, { global: true });
  const keys: IamBackend["keys"] = new Map();
  // The store is global: any region reaches the account's one.
  const stateOf = (accountId: string): IamState => base.states.get(accountId, config.region);
  return {
    ...base,
    peers,
    keys,
    callerOf(accessKeyId) {
      const owner = keys.get(accessKeyId);
      if (!owner) return undefined;
      const user = stateOf(owner.accountId).users.get(owner.user);
      const key = user?.keys.find((k) => k.id === accessKeyId);
      if (!user || !key) return undefined;
      // A deactivated key signs nothing: AWS answers as for a key it does not know.
      if (key.status !== "Active") throw new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
      return { accountId: owner.accountId, principal: { arn: user.arn, userId: user.id } };
    },
    role(accountId, arn) {
      const role = stateOf(accountId).roles.get(arn.slice(arn.lastIndexOf("/") + 1).toLowerCase());
      if (!role || role.arn !== arn) return undefined;
      return { arn: role.arn, roleName: role.name, roleId: role.id, assumeRolePolicyDocument: role.trustPolicy, maxSessionDuration: role.maxSessionDuration };
    },
    instanceProfile(accountId, nameOrArn) {
      const state = stateOf(accountId);
      const profile = nameOrArn.startsWith("arn:")
        ? [...state.instanceProfiles.values()].find((p) => p.arn === nameOrArn)
        : state.instanceProfiles.get(nameOrArn.toLowerCase());
      return profile && { arn: profile.arn, id: profile.id, name: profile.name };
    },
  };
}

export function iamQueryService(backend: IamBackend): QueryService {
  return queryService({
    name: "iam",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    // Keys are indexed beside the stores: a reset forgets both.
    reset: () => backend.keys.clear(),
  });
}
