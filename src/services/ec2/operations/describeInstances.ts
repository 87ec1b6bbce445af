import type { Handler, InstanceRecord } from "../context.js";
import type { Reservation } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters } from "../domain/filters.js";
import { findInstances } from "../domain/instanceIds.js";
import { filterCandidates, inLaunchOrder } from "../domain/instanceIndex.js";
import { INSTANCE_FILTERS } from "../domain/instanceFilters.js";
import { describeInstance } from "../domain/instances.js";
import { paginate } from "../domain/pagination.js";

export const describeInstances: Handler<"DescribeInstances"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, INSTANCE_FILTERS);
  if (input.InstanceIds?.length && input.MaxResults !== undefined) throw ec2Errors.combination("The parameter instancesSet cannot be used with the parameter maxResults");
  // Named instances are looked up, not searched for among every instance launched.
  const chosen = input.InstanceIds?.length ? findInstances(state, input.InstanceIds) : filterCandidates(state, input.Filters);
  const candidates = chosen ? inLaunchOrder(state, chosen) : state.instances.values();
  const all = [...candidates].filter((r) => matchesFilters(r, state.tags.get(r.instance.InstanceId!), input.Filters, INSTANCE_FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken);
  // One reservation per RunInstances call, its instances in launch order.
  const byReservation = new Map<string, InstanceRecord[]>();
  for (const r of page.items) {
    const list = byReservation.get(r.reservationId) ?? [];
    list.push(r);
    byReservation.set(r.reservationId, list);
  }
  const reservations: Reservation[] = [...byReservation].map(([id, recs]) => ({
    ReservationId: id,
    OwnerId: state.accountId,
    Groups: [],
    // Serialized at once and never kept: no copy needed.
    Instances: recs.map((r) => describeInstance(state, r)),
  }));
  return { Reservations: reservations, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
