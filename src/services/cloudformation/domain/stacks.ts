// Stacks by name or id, their ids, and how DescribeStacks and ListStacks show them.
import { flat, type IdSource } from "../../../state/ids.js";
import { stackNotFound } from "../template/errors.js";
import type { CloudFormationState, StackRecord } from "../context.js";
import type { Stack, StackSummary } from "../generated/types.js";

export const stackId = (state: CloudFormationState, name: string, ids: IdSource) => flat(`arn:aws:cloudformation:${state.region}:${state.accountId}:stack/${name}/${ids.uuid()}`);
export const changeSetId = (state: CloudFormationState, name: string, ids: IdSource) => flat(`arn:aws:cloudformation:${state.region}:${state.accountId}:changeSet/${name}/${ids.uuid()}`);

const isArn = (s: string) => s.startsWith("arn:");

/** A live stack by name, or any stack (a deleted one too) by id; AWS's "does not exist" otherwise. */
export function findStack(state: CloudFormationState, nameOrId: string): StackRecord {
  const rec = isArn(nameOrId) ? state.stacks.get(nameOrId) : lookupName(state, nameOrId);
  if (!rec) throw stackNotFound(nameOrId);
  return rec;
}

function lookupName(state: CloudFormationState, name: string): StackRecord | undefined {
  const id = state.names.get(name);
  return id ? state.stacks.get(id) : undefined;
}

/** A stack that is not deleted, by name or id. */
export function liveStack(state: CloudFormationState, nameOrId: string): StackRecord {
  const rec = findStack(state, nameOrId);
  if (rec.stack.StackStatus === "DELETE_COMPLETE") throw stackNotFound(nameOrId);
  return rec;
}

export function showStack(rec: StackRecord): Stack {
  const s = rec.stack;
  const d = rec.current;
  const deleted = s.StackStatus === "DELETE_COMPLETE";
  return {
    StackId: s.StackId,
    StackName: s.StackName,
    ...(s.ChangeSetId ? { ChangeSetId: s.ChangeSetId } : {}),
    ...(d.template.Description !== undefined ? { Description: d.template.Description } : {}),
    ...(d.parameters.length ? { Parameters: d.parameters } : {}),
    CreationTime: s.CreationTime,
    ...(s.DeletionTime !== undefined ? { DeletionTime: s.DeletionTime } : {}),
    ...(s.LastUpdatedTime !== undefined ? { LastUpdatedTime: s.LastUpdatedTime } : {}),
    RollbackConfiguration: {},
    StackStatus: s.StackStatus,
    ...(s.StackStatusReason !== undefined ? { StackStatusReason: s.StackStatusReason } : {}),
    DisableRollback: d.disableRollback,
    NotificationARNs: d.notificationArns,
    ...(d.capabilities.length ? { Capabilities: d.capabilities as Stack["Capabilities"] } : {}),
    ...(rec.outputs.length && !deleted ? { Outputs: rec.outputs } : {}),
    Tags: d.tags,
    ...(s.RoleARN !== undefined ? { RoleARN: s.RoleARN } : {}),
    EnableTerminationProtection: s.EnableTerminationProtection ?? false,
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

export function summarizeStack(rec: StackRecord): StackSummary {
  const s = rec.stack;
  return {
    StackId: s.StackId,
    StackName: s.StackName,
    ...(rec.current.template.Description !== undefined ? { TemplateDescription: rec.current.template.Description } : {}),
    CreationTime: s.CreationTime,
    ...(s.LastUpdatedTime !== undefined ? { LastUpdatedTime: s.LastUpdatedTime } : {}),
    ...(s.DeletionTime !== undefined ? { DeletionTime: s.DeletionTime } : {}),
    StackStatus: s.StackStatus,
    ...(s.StackStatusReason !== undefined ? { StackStatusReason: s.StackStatusReason } : {}),
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

/** Statuses in which no operation runs on the stack. */
export const SETTLED = new Set([
  "CREATE_COMPLETE", "CREATE_FAILED", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "DELETE_FAILED", "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_FAILED", "UPDATE_FAILED", "REVIEW_IN_PROGRESS", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE",
]);

/** Statuses from which a stack can be updated. */
export const UPDATABLE = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE", "UPDATE_FAILED"]);
