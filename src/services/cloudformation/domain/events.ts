// Stack events: one for each status change of the stack or of one of its resources, newest first.
import type { CloudFormationBackend, ResourceRecord, StackRecord, StoredEvent } from "../context.js";
import type { ResourceStatus, StackEvent } from "../generated/types.js";
// A resource's two events of its creation (and stacks made from one template) carry the same properties text: kept once.
import { sharedText } from "../../../state/shared.js";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Stack statuses the model's ResourceStatus lacks: AWS writes events with them, but an answer that
 * breaks the model is refused by SDKs that check enums, so ecs-local changes the status without one.
 */
const NO_EVENT = new Set(["UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "REVIEW_IN_PROGRESS"]);

/**
 * An event's time: the clock, but a millisecond after the stack's previous event at least. AWS's
 * events are ordered by their times and a resource event's id is built from its time; with instant
 * timings many events fall in one millisecond, and clients (the CDK's event poller sorts by time and
 * stops at an id it has seen) would print them out of order or miss some.
 */
function eventTime(backend: CloudFormationBackend, rec: StackRecord): number {
  const last = rec.events[0]?.Timestamp;
  const ms = last === undefined ? backend.timeline.now() : Math.max(backend.timeline.now(), Math.round(last * 1000) + 1);
  return ms / 1000;
}

export function stackEvent(backend: CloudFormationBackend, rec: StackRecord, status: string, reason?: string): void {
  const now = eventTime(backend, rec);
  rec.stack.StackStatus = status as never;
  if (reason === undefined) delete rec.stack.StackStatusReason;
  else rec.stack.StackStatusReason = reason;
  if (NO_EVENT.has(status)) return;
  // The stack's own event: its logical and physical ids and type follow from the stack (showEvent).
  rec.events.unshift({
    EventId: backend.ids.uuid(),
    Timestamp: now,
    ResourceStatus: status as ResourceStatus,
    ...(reason !== undefined ? { ResourceStatusReason: reason } : {}),
    ...(rec.run?.token ? { ClientRequestToken: rec.run.token } : {}),
  });
}

export function resourceEvent(backend: CloudFormationBackend, rec: StackRecord, r: ResourceRecord, status: ResourceStatus, reason?: string): void {
  const now = eventTime(backend, rec);
  r.status = status;
  r.updated = now;
  if (reason === undefined) delete r.reason;
  else r.reason = reason;
  // A resource's event: its id follows from its logical id, status and time (showEvent).
  rec.events.unshift({
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId ?? "",
    ResourceType: r.type,
    Timestamp: now,
    ResourceStatus: status,
    ...(reason !== undefined ? { ResourceStatusReason: reason } : {}),
    ...(r.properties && status.endsWith("IN_PROGRESS") && !status.startsWith("DELETE") ? { ResourceProperties: sharedText(JSON.stringify(r.properties)) } : {}),
    ...(rec.run?.token ? { ClientRequestToken: rec.run.token } : {}),
  });
}

const STACK_TYPE = "AWS::CloudFormation::Stack";

/**
 * An event as DescribeStackEvents shows it, from what the stack keeps of it (StoredEvent). Events
 * kept whole (a snapshot of an earlier build) show as they are.
 */
export function showEvent(rec: StackRecord, e: StoredEvent): StackEvent {
  return {
    StackId: rec.stack.StackId!,
    EventId: e.EventId ?? `${e.LogicalResourceId}-${e.ResourceStatus}-${iso(e.Timestamp)}`,
    StackName: rec.stack.StackName,
    LogicalResourceId: e.LogicalResourceId ?? rec.stack.StackName,
    PhysicalResourceId: e.PhysicalResourceId ?? rec.stack.StackId,
    ResourceType: e.ResourceType ?? STACK_TYPE,
    Timestamp: e.Timestamp,
    ...(e.ResourceStatus !== undefined ? { ResourceStatus: e.ResourceStatus } : {}),
    ...(e.ResourceStatusReason !== undefined ? { ResourceStatusReason: e.ResourceStatusReason } : {}),
    ...(e.ResourceProperties !== undefined ? { ResourceProperties: e.ResourceProperties } : {}),
    ...(e.ClientRequestToken !== undefined ? { ClientRequestToken: e.ClientRequestToken } : {}),
  };
}
