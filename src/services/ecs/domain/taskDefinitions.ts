// Finding task definitions by family, family:revision or ARN.
import { ClientException } from "../generated/errors.js";
import type { TaskDefinition } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { isArn, parseArn } from "./arn.js";

/**
 * The task definition a reference names: "family" is its latest ACTIVE revision,
 * "family:revision" and an ARN name one revision, ACTIVE or INACTIVE.
 */
export function resolveTaskDefinition(state: EcsState, ref: string): TaskDefinition {
  let spec = ref;
  if (isArn(ref)) {
    const p = parseArn(ref);
    if (!p || p.type !== "task-definition" || p.accountId !== state.accountId || p.region !== state.region) throw new ClientException("Unable to describe task definition.");
    spec = p.path;
  }
  const colon = spec.lastIndexOf(":");
  const family = colon >= 0 ? spec.slice(0, colon) : spec;
  const revisions = state.taskDefinitions.get(family);
  if (!revisions) throw new ClientException("Unable to describe task definition.");
  if (colon >= 0) {
    const rev = Number(spec.slice(colon + 1));
    const td = Number.isInteger(rev) ? revisions[rev - 1] : undefined;
    if (!td || td.status === "DELETE_IN_PROGRESS") throw new ClientException("Unable to describe task definition.");
    return td;
  }
  for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i].status === "ACTIVE") return revisions[i];
  throw new ClientException("Unable to describe task definition.");
}
