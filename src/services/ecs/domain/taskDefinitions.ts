// Finding task definitions by family, family:revision or ARN.
import { ClientException } from "../generated/errors.js";
import type { TaskDefinition } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { ecsArn, isArn, parseArn } from "./arn.js";

export function taskDefinitionArn(state: EcsState, family: string, revision: number): string {
  return ecsArn(state, `task-definition/${family}:${revision}`);
}

/** A reference split into family and revision; `revision` is absent for a bare family. */
export interface TaskDefinitionRef {
  family: string;
  revision?: string;
}

/** Splits "family", "family:revision" or an ARN; undefined for an ARN of another kind or scope. */
export function parseTaskDefinitionRef(state: EcsState, ref: string): TaskDefinitionRef | undefined {
  let spec = ref;
  if (isArn(ref)) {
    const p = parseArn(ref);
    if (!p || p.type !== "task-definition" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
    spec = p.path;
  }
  const colon = spec.lastIndexOf(":");
  return colon >= 0 ? { family: spec.slice(0, colon), revision: spec.slice(colon + 1) } : { family: spec };
}

/** The revision a "family:revision" names, in any status, or undefined. */
export function findRevision(state: EcsState, family: string, revision: string): TaskDefinition | undefined {
  if (!/^[1-9]\d*$/.test(revision)) return undefined;
  return state.taskDefinitions.get(family)?.[Number(revision) - 1];
}

/**
 * The task definition a reference names: "family" is its latest ACTIVE revision,
 * "family:revision" and an ARN name one revision, ACTIVE or INACTIVE. Operations word "not found"
 * differently (CreateService says "TaskDefinition not found."), so the text is theirs to give.
 */
export function resolveTaskDefinition(state: EcsState, ref: string, notFound = "Unable to describe task definition."): TaskDefinition {
  const parsed = parseTaskDefinitionRef(state, ref);
  if (!parsed) throw new ClientException(notFound);
  if (parsed.revision !== undefined) {
    const td = findRevision(state, parsed.family, parsed.revision);
    if (!td || td.status === "DELETE_IN_PROGRESS") throw new ClientException(notFound);
    return td;
  }
  const revisions = state.taskDefinitions.get(parsed.family) ?? [];
  for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i].status === "ACTIVE") return revisions[i];
  throw new ClientException(notFound);
}
