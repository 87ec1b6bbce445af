// Finding a scaling policy, by name within its group or by ARN.
import type { AutoScalingState, GroupRecord } from "../context.js";
import type { ScalingPolicy } from "../generated/types.js";
import { asgErrors } from "./errors.js";
import { findGroup } from "./groups.js";

/** A policy by name within its group, or by ARN anywhere. */
export function findPolicy(state: AutoScalingState, groupName: string | undefined, nameOrArn: string): { group: GroupRecord; policy: ScalingPolicy } {
  const groups = groupName !== undefined ? [findGroup(state, groupName)] : [...state.groups.values()];
  for (const group of groups) {
    for (const policy of group.policies.values()) if (policy.PolicyName === nameOrArn || policy.PolicyARN === nameOrArn) return { group, policy };
  }
  throw asgErrors.validation(`Policy ${nameOrArn} not found for Auto Scaling group ${groupName ?? "(any)"}.`);
}

