import type { Handler, InstanceRecord } from "../context.js";
import { computeErrors } from "../domain/computeErrors.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { findInstances } from "../domain/instanceIds.js";
import { paginate } from "../domain/pagination.js";

const FILTERS: FilterValues<InstanceRecord> = { "instance-id": (r) => r.instance.InstanceId };

/** Instances asked for by id must be burstable; without ids, the `unlimited` ones are listed. */
export const describeInstanceCreditSpecifications: Handler<"DescribeInstanceCreditSpecifications"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS, false);
  if (input.InstanceIds?.length && input.MaxResults !== undefined) throw ec2Errors.combination("The parameter instancesSet cannot be used with the parameter maxResults");
  let recs: InstanceRecord[];
  if (input.InstanceIds?.length) {
    recs = findInstances(state, input.InstanceIds);
    const odd = recs.find((r) => r.settings?.cpuCredits === undefined);
    if (odd) throw computeErrors.notBurstable(odd.instance.InstanceId!);
  } else {
    recs = [...state.instances.values()].filter((r) => r.settings?.cpuCredits === "unlimited" && r.instance.State?.Name !== "terminated");
  }
  const matching = recs.filter((r) => matchesFilters(r, undefined, input.Filters, FILTERS));
  const page = paginate(matching, input.MaxResults, input.NextToken);
  return {
    InstanceCreditSpecifications: page.items.map((r) => ({ InstanceId: r.instance.InstanceId, CpuCredits: r.settings!.cpuCredits })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};
