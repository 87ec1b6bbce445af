// Where an instance stands in launch order and which instances a reservation holds, so that a
// Describe naming instances (by id, by an exact `instance-id` or `reservation-id` filter) looks only
// at those, however many the region has launched. Derived from `state.instances` (launch order,
// never shrinking: terminated instances stay describable) and kept beside it, not in it: built on
// first use, extended by each launch, rebuilt whenever the two disagree.
import type { Ec2State, InstanceRecord } from "../context.js";
import type { Filter } from "../generated/types.js";

interface InstanceIndex {
  order: Map<InstanceRecord, number>;
  byReservation: Map<string, InstanceRecord[]>;
}

const indexes = new WeakMap<Ec2State, InstanceIndex>();

function add(ix: InstanceIndex, rec: InstanceRecord): void {
  ix.order.set(rec, ix.order.size);
  const list = ix.byReservation.get(rec.reservationId);
  if (list) list.push(rec);
  else ix.byReservation.set(rec.reservationId, [rec]);
}

function indexOf(state: Ec2State): InstanceIndex {
  let ix = indexes.get(state);
  if (!ix || ix.order.size !== state.instances.size) {
    ix = { order: new Map(), byReservation: new Map() };
    for (const rec of state.instances.values()) add(ix, rec);
    indexes.set(state, ix);
  }
  return ix;
}

/** A launch just kept `rec` in `state.instances`. */
export function indexInstance(state: Ec2State, rec: InstanceRecord): void {
  const ix = indexes.get(state);
  // An index that missed a launch is dropped: the next look builds it afresh.
  if (ix && ix.order.size === state.instances.size - 1) add(ix, rec);
  else indexes.delete(state);
}

/** The records in launch order (as a walk of `state.instances` meets them). */
export function inLaunchOrder(state: Ec2State, recs: Iterable<InstanceRecord>): InstanceRecord[] {
  const { order } = indexOf(state);
  return [...recs].sort((a, b) => order.get(a)! - order.get(b)!);
}

const exact = (values: string[] | undefined): values is string[] => values !== undefined && values.every((v) => !v.includes("*") && !v.includes("?"));

/**
 * The only instances that can match the filters, when one of them names instances exactly
 * (`instance-id`, `reservation-id`, without wildcards); undefined when every instance must be looked at.
 */
export function filterCandidates(state: Ec2State, filters: Filter[] | undefined): Set<InstanceRecord> | undefined {
  for (const f of filters ?? []) {
    if (!exact(f.Values)) continue;
    if (f.Name === "instance-id") return new Set(f.Values.flatMap((id) => state.instances.get(id) ?? []));
    if (f.Name === "reservation-id") {
      const { byReservation } = indexOf(state);
      return new Set(f.Values.flatMap((id) => byReservation.get(id) ?? []));
    }
  }
  return undefined;
}
