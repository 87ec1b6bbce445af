// What a stack operation's steps run with: the backend (clock, ids, peers), the region's state and
// the request that started the operation (its account and caller make every call).
import type { CloudFormationBackend, CloudFormationState, StackRecord } from "../context.js";
import type { RequestContext } from "../../../protocol/context.js";

export interface Env {
  backend: CloudFormationBackend;
  state: CloudFormationState;
  request: RequestContext;
}

export const envOf = (backend: CloudFormationBackend, state: CloudFormationState, rec: StackRecord): Env => ({ backend, state, request: rec.run!.request });
