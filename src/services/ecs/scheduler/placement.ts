// Where tasks go: a pure function of the candidates, the task's needs, strategies and constraints.
import type { ContainerInstance, Failure, PlacementConstraint, PlacementStrategy } from "../generated/types.js";
import { available, shortfall, type Availability, type TaskNeeds } from "../domain/resources.js";

export interface Candidate {
  instance: ContainerInstance;
  /** Tasks of the same group (service or family) already on this instance, not stopped. */
  groupTasks: number;
  /** Host ports picked for `hostPort: 0` in use on the instance (not in its remaining PORTS). */
  dynamicPorts?: ReadonlySet<string>;
}

export interface PlacementRequest {
  count: number;
  needs: TaskNeeds;
  candidates: Candidate[];
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
  /** Evaluates a memberOf expression (the cluster query language) against an instance. */
  matches: (expression: string, instance: ContainerInstance) => boolean;
  random?: () => number;
}

export interface PlacementResult {
  /** One instance per placed task, in order. */
  placements: ContainerInstance[];
  failures: Failure[];
}

/** The spread values of a slot when no strategy spreads (most RunTask calls): shared, never written. */
const NO_SPREAD: string[] = [];

interface Slot {
  c: Candidate;
  avail: Availability;
  placed: number;
  /** The instance's value of each spread strategy's field, in the order of the strategies (read once per placement). */
  spread: string[];
  /** This task's draw for a random strategy. */
  rnd: number;
}

/** How a spread field reads an instance: its ARN (instanceId, host) or an attribute's value; worked out once per field. */
function attributeReader(field: string): (ci: ContainerInstance) => string {
  const f = field.toLowerCase();
  if (f === "instanceid" || f === "host") return (ci) => ci.containerInstanceArn ?? "";
  const name = field.startsWith("attribute:") ? field.slice("attribute:".length) : field;
  return (ci) => {
    for (const a of ci.attributes ?? []) if (a.name === name) return a.value ?? "";
    return "";
  };
}

/**
 * A strategy as placement reads it, worked out once per call rather than once per comparison: the
 * spread counts of its field (shared by strategies that spread over the same field), and where the
 * slots keep their value of it.
 */
interface Rule {
  type: string;
  counts?: Map<string, number>;
  /** Index into each slot's `spread`. */
  at: number;
  /** A binpack on CPU (any other field packs on memory). */
  cpu: boolean;
}

/** Orders two slots by the strategies in turn; ties fall to spreading over instances, then registration order. */
function compare(a: Slot, b: Slot, rules: Rule[]): number {
  for (const r of rules) {
    let d = 0;
    if (r.type === "spread") d = (r.counts!.get(a.spread[r.at]) ?? 0) - (r.counts!.get(b.spread[r.at]) ?? 0);
    else if (r.type === "binpack") d = r.cpu ? a.avail.cpu - b.avail.cpu : a.avail.memory - b.avail.memory;
    else if (r.type === "random") d = a.rnd - b.rnd;
    if (d !== 0) return d;
  }
  return a.c.groupTasks + a.placed - (b.c.groupTasks + b.placed);
}

function failsMemberOf(expressions: string[], matches: PlacementRequest["matches"], ci: ContainerInstance): boolean {
  for (const e of expressions) if (!matches(e, ci)) return true;
  return false;
}

/** The strategies as rules, with each spread field's group counts over the slots (whose `spread` values it fills in). */
function rulesOf(strategies: PlacementStrategy[], slots: Slot[]): { rules: Rule[]; spreadCounts: Map<string, Map<string, number>> } {
  // Tasks of the group per value of each spread field, so spreading balances the whole group.
  const spreadCounts = new Map<string, Map<string, number>>();
  const fields: string[] = [];
  const rules: Rule[] = [];
  for (const s of strategies) {
    if (s.type !== "spread") {
      rules.push({ type: s.type ?? "", at: -1, cpu: s.field?.toLowerCase() === "cpu" });
      continue;
    }
    const field = s.field ?? "instanceId";
    let at = fields.indexOf(field);
    if (at < 0) {
      at = fields.push(field) - 1;
      const counts = new Map<string, number>();
      const read = attributeReader(field);
      for (const slot of slots) {
        const v = read(slot.c.instance);
        if (slot.spread === NO_SPREAD) slot.spread = [];
        slot.spread.push(v);
        counts.set(v, (counts.get(v) ?? 0) + slot.c.groupTasks);
      }
      spreadCounts.set(field, counts);
    }
    rules.push({ type: "spread", counts: spreadCounts.get(field), at, cpu: false });
  }
  return { rules, spreadCounts };
}

export function place(req: PlacementRequest): PlacementResult {
  const random = req.random ?? Math.random;
  const distinct = req.constraints.some((c) => c.type === "distinctInstance");
  const memberOf = req.constraints.filter((c) => c.type === "memberOf" && c.expression).map((c) => c.expression!);
  const slots: Slot[] = req.candidates.map((c) => ({ c, avail: available(c.instance, c.dynamicPorts), placed: 0, spread: NO_SPREAD, rnd: 0 }));
  const failures = new Map<string, Failure>();
  const fail = (s: Slot, reason: string): void => {
    const arn = s.c.instance.containerInstanceArn!;
    if (!failures.has(arn)) failures.set(arn, { arn, reason });
  };
  const { rules, spreadCounts } = rulesOf(req.strategies, slots);
  const draws = rules.some((r) => r.type === "random");

  const placements: ContainerInstance[] = [];
  for (let n = 0; n < req.count; n++) {
    // The best candidate in the same pass that finds which fit: placing a task needs the first, not
    // a sorted list. Each one that fits draws (for a random strategy) when it is reached, which is
    // the order the draws have always been made in: the candidates' order, before any comparison
    // that reads them.
    let chosen: Slot | undefined;
    for (const s of slots) {
      const lack = shortfall(req.needs, s.avail);
      if (lack) fail(s, lack);
      else if (memberOf.length && failsMemberOf(memberOf, req.matches, s.c.instance)) fail(s, "MemberOf placement constraint unsatisfied.");
      else if (distinct && s.c.groupTasks + s.placed > 0) fail(s, "DistinctInstance placement constraint unsatisfied.");
      else {
        if (draws) s.rnd = random();
        if (!chosen || compare(s, chosen, rules) < 0) chosen = s;
      }
    }
    if (!chosen) break;
    chosen.placed++;
    chosen.avail.cpu -= req.needs.cpu;
    chosen.avail.memory -= req.needs.memory;
    for (const p of req.needs.ports) if (p.hostPort !== 0) (p.protocol === "udp" ? chosen.avail.udp : chosen.avail.tcp).add(String(p.hostPort));
    let at = 0;
    for (const counts of spreadCounts.values()) {
      const v = chosen.spread[at++];
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    placements.push(chosen.c.instance);
  }
  return { placements, failures: placements.length === req.count ? [] : [...failures.values()] };
}
