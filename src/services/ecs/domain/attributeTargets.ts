// The container instance an attribute's targetId names (ARN, or short id with targetType).
import { InvalidParameterException, TargetNotFoundException } from "../generated/errors.js";
import type { Attribute, ContainerInstance } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { isArn } from "./arn.js";
import { findInstance } from "./containerInstances.js";

export function attributeTarget(state: EcsState, rec: ClusterRecord, a: Attribute): ContainerInstance {
  if (!a.targetId) throw new InvalidParameterException("Attribute targetId cannot be empty.");
  if (!isArn(a.targetId) && a.targetType === undefined) {
    throw new InvalidParameterException("targetType must be specified when targetId is not an ARN.");
  }
  let ci: ContainerInstance | undefined;
  try {
    ci = findInstance(state, rec, a.targetId);
  } catch {
    ci = undefined;
  }
  if (!ci || ci.status === "INACTIVE") throw new TargetNotFoundException(`Could not find ${a.targetId}`);
  return ci;
}

/** Groups attributes by the instance they target, checking every target before anything changes. */
export function byTarget(state: EcsState, rec: ClusterRecord, attributes: Attribute[]): Map<ContainerInstance, Attribute[]> {
  const groups = new Map<ContainerInstance, Attribute[]>();
  for (const a of attributes) {
    const ci = attributeTarget(state, rec, a);
    groups.set(ci, [...(groups.get(ci) ?? []), a]);
  }
  return groups;
}
