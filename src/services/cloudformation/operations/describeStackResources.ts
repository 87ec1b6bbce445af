import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { showResource } from "../domain/resources.js";
import { validation } from "../template/errors.js";
import type { StackRecord } from "../context.js";

/** By stack (name or id), optionally one logical id; or the stack owning a physical id. */
export const describeStackResources: Handler<"DescribeStackResources"> = (input, { state }) => {
  let rec: StackRecord | undefined;
  if (input.StackName !== undefined) rec = findStack(state, input.StackName);
  else if (input.PhysicalResourceId !== undefined) {
    rec = [...state.stacks.values()].find((s) => s.stack.StackStatus !== "DELETE_COMPLETE" && [...s.resources.values()].some((r) => r.physicalId === input.PhysicalResourceId));
    if (!rec) throw validation(`Stack for ${input.PhysicalResourceId} does not exist`);
  } else throw validation("Either StackName or PhysicalResourceId must be specified.");
  const all = [...rec.resources.values()].filter((r) => input.LogicalResourceId === undefined || r.logicalId === input.LogicalResourceId);
  return { StackResources: all.map((r) => showResource(rec, r)) };
};
