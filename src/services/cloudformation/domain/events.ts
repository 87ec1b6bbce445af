// Stack events: one for each status change of the stack or of one of its resources, newest first.
import type { CloudFormationBackend, ResourceRecord, StackRecord } from "../context.js";
import type { ResourceStatus } from "../generated/types.js";
import { flat } from "../../../state/ids.js";

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
  rec.events.unshift({
    StackId: rec.stack.StackId!,
    EventId: backend.ids.uuid(),
    StackName: rec.stack.StackName,
    LogicalResourceId: rec.stack.StackName,
    PhysicalResourceId: rec.stack.StackId,
    ResourceType: "AWS::CloudFormation::Stack",
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
  rec.events.unshift({
    StackId: rec.stack.StackId!,
    EventId: flat(`${r.logicalId}-${status}-${iso(now)}`),
    StackName: rec.stack.StackName,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId ?? "",
    ResourceType: r.type,
    Timestamp: now,
    ResourceStatus: status,
    ...(reason !== undefined ? { ResourceStatusReason: reason } : {}),
    ...(r.properties && status.endsWith("IN_PROGRESS") && !status.startsWith("DELETE") ? { ResourceProperties: JSON.stringify(r.properties) } : {}),
    ...(rec.run?.token ? { ClientRequestToken: rec.run.token } : {}),
  });
}
