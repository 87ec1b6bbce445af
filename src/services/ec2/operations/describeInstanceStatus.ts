import type { Handler, InstanceRecord } from "../context.js";
import type { InstanceStatus, InstanceStatusSummary } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { findInstances } from "../domain/instanceIds.js";
import { paginate } from "../domain/pagination.js";

function summary(running: boolean): InstanceStatusSummary {
  return running ? { Details: [{ Name: "reachability", Status: "passed" }], Status: "ok" } : { Status: "not-applicable" };
}

function statusOf(r: InstanceRecord): InstanceStatus {
  const running = r.instance.State?.Name === "running";
  return {
    AvailabilityZone: r.instance.Placement?.AvailabilityZone,
    AvailabilityZoneId: r.instance.Placement?.AvailabilityZoneId,
    InstanceId: r.instance.InstanceId,
    InstanceState: { ...r.instance.State },
    InstanceStatus: summary(running),
    SystemStatus: summary(running),
    AttachedEbsStatus: running ? { Details: [{ Name: "reachability", Status: "passed" }], Status: "ok" } : { Status: "not-applicable" },
  };
}

const FILTERS: FilterValues<InstanceStatus> = {
  "availability-zone": (s) => s.AvailabilityZone,
  "instance-state-name": (s) => s.InstanceState?.Name,
  "instance-state-code": (s) => s.InstanceState?.Code,
  "instance-status.status": (s) => s.InstanceStatus?.Status,
  "instance-status.reachability": (s) => s.InstanceStatus?.Details?.[0]?.Status,
  "system-status.status": (s) => s.SystemStatus?.Status,
  "system-status.reachability": (s) => s.SystemStatus?.Details?.[0]?.Status,
};

/** Running instances only, unless IncludeAllInstances; terminated ones are never listed. */
export const describeInstanceStatus: Handler<"DescribeInstanceStatus"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS, false);
  const recs = input.InstanceIds?.length ? findInstances(state, input.InstanceIds) : [...state.instances.values()];
  const statuses = recs
    .filter((r) => r.instance.State?.Name !== "terminated" && (input.IncludeAllInstances || r.instance.State?.Name === "running"))
    .map(statusOf)
    .filter((s) => matchesFilters(s, undefined, input.Filters, FILTERS));
  const page = paginate(statuses, input.MaxResults, input.NextToken);
  return { InstanceStatuses: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
