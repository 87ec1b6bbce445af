// Change sets by name (with their stack) or by ARN, and how they are shown.
import type { ChangeSetRecord, CloudFormationState, StackRecord } from "../context.js";
import { ChangeSetNotFoundException } from "../generated/errors.js";
import type { ChangeSetSummary } from "../generated/types.js";
import { validation } from "../template/errors.js";
import { findStack } from "./stacks.js";

export function findChangeSet(state: CloudFormationState, nameOrArn: string, stackName?: string): { rec: StackRecord; cs: ChangeSetRecord } {
  if (nameOrArn.startsWith("arn:")) {
    for (const rec of state.stacks.values()) {
      const cs = rec.changeSets.get(nameOrArn);
      if (cs) return { rec, cs };
    }
    throw new ChangeSetNotFoundException(`ChangeSet [${nameOrArn}] does not exist`);
  }
  if (stackName === undefined) throw validation("StackName must be specified if ChangeSetName is not specified as an ARN.");
  const rec = findStack(state, stackName);
  const cs = [...rec.changeSets.values()].find((c) => c.name === nameOrArn);
  if (!cs) throw new ChangeSetNotFoundException(`ChangeSet [${nameOrArn}] does not exist`);
  return { rec, cs };
}

export const summarizeChangeSet = (rec: StackRecord, cs: ChangeSetRecord): ChangeSetSummary => ({
  StackId: rec.stack.StackId,
  StackName: rec.stack.StackName,
  ChangeSetId: cs.id,
  ChangeSetName: cs.name,
  ExecutionStatus: cs.executionStatus,
  Status: cs.status,
  ...(cs.statusReason !== undefined ? { StatusReason: cs.statusReason } : {}),
  CreationTime: cs.creationTime,
  ...(cs.description !== undefined ? { Description: cs.description } : {}),
  IncludeNestedStacks: false,
});
