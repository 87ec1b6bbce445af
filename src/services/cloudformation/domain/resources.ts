// How DescribeStackResource(s) and ListStackResources show a stack's resources.
import type { ResourceRecord, StackRecord } from "../context.js";
import type { StackResource, StackResourceDetail, StackResourceSummary } from "../generated/types.js";

const common = (r: ResourceRecord) => ({
  LogicalResourceId: r.logicalId,
  ...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}),
  ResourceType: r.type,
  ResourceStatus: r.status,
  ...(r.reason !== undefined ? { ResourceStatusReason: r.reason } : {}),
});

export const showResource = (rec: StackRecord, r: ResourceRecord): StackResource => ({
  StackName: rec.stack.StackName,
  StackId: rec.stack.StackId,
  ...common(r),
  Timestamp: r.updated,
  DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
});

export const detailResource = (rec: StackRecord, r: ResourceRecord): StackResourceDetail => ({
  StackName: rec.stack.StackName,
  StackId: rec.stack.StackId,
  ...common(r),
  LastUpdatedTimestamp: r.updated,
  Metadata: JSON.stringify(r.metadata ?? {}),
  DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
});

export const summarizeResource = (r: ResourceRecord): StackResourceSummary => ({
  ...common(r),
  LastUpdatedTimestamp: r.updated,
  DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
});
