import type { Handler } from "../context.js";
import { findChangeSet } from "../domain/changeSets.js";

export const describeChangeSet: Handler<"DescribeChangeSet"> = (input, { state }) => {
  const { rec, cs } = findChangeSet(state, input.ChangeSetName, input.StackName);
  const d = cs.deployment;
  return {
    ChangeSetName: cs.name,
    ChangeSetId: cs.id,
    StackId: rec.stack.StackId,
    StackName: rec.stack.StackName,
    ...(cs.description !== undefined ? { Description: cs.description } : {}),
    ...(d.parameters.length ? { Parameters: d.parameters } : {}),
    CreationTime: cs.creationTime,
    ExecutionStatus: cs.executionStatus,
    Status: cs.status,
    ...(cs.statusReason !== undefined ? { StatusReason: cs.statusReason } : {}),
    NotificationARNs: d.notificationArns,
    RollbackConfiguration: {},
    ...(d.capabilities.length ? { Capabilities: d.capabilities as never } : {}),
    Tags: d.tags,
    Changes: cs.status === "CREATE_PENDING" ? [] : cs.changes,
    IncludeNestedStacks: false,
  };
};
