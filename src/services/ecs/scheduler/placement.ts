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

interface Slot {
  c: Candidate;
  avail: Availability;
  placed: number;
}

function attributeOf(ci: ContainerInstance, field: string): string {
  const f = field.toLowerCase();
  if (f === "instanceid" || f === "host") return ci.containerInstanceArn ?? "";
  const name = field.startsWith("attribute:") ? field.slice("attribute:".length) : field;
  return ci.attributes?.find((a) => a.name === name)?.value ?? "";
}

function remaining(avail: Availability, field: string | undefined): number {
  return field?.toLowerCase() === "cpu" ? avail.cpu : avail.memory;
}

/** Orders two slots by the strategies in turn; ties fall to spreading over instances, then registration order. */
function compare(a: Slot, b: Slot, strategies: PlacementStrategy[], spreadCounts: Map<string, Map<string, number>>, rnd: Map<Slot, number>): number {
  for (const s of strategies) {
    let d = 0;
    if (s.type === "spread") {
      const counts = spreadCounts.get(s.field ?? "instanceId")!;
      const field = s.field ?? "instanceId";
      d = (counts.get(attributeOf(a.c.instance, field)) ?? 0) - (counts.get(attributeOf(b.c.instance, field)) ?? 0);
    } else if (s.type === "binpack") d = remaining(a.avail, s.field) - remaining(b.avail, s.field);
    else if (s.type === "random") d = rnd.get(a)! - rnd.get(b)!;
    if (d !== 0) return d;
  }
  return a.c.groupTasks + a.placed - (b.c.groupTasks + b.placed);
}

export function place(req: PlacementRequest): PlacementResult {
  const random = req.random ?? Math.random;
  const distinct = req.constraints.some((c) => c.type === "distinctInstance");
  const memberOf = req.constraints.filter((c) => c.type === "memberOf" && c.expression).map((c) => c.expression!);
  const slots: Slot[] = req.candidates.map((c) => ({ c, avail: available(c.instance, c.dynamicPorts), placed: 0 }));
  const failures = new Map<string, Failure>();
  const fail = (s: Slot, reason: string): void => {
    const arn = s.c.instance.containerInstanceArn!;
    if (!failures.has(arn)) failures.set(arn, { arn, reason });
  };

  // Tasks of the group per value of each spread field, so spreading balances the whole group.
  const spreadCounts = new Map<string, Map<string, number>>();
  for (const s of req.strategies) {
    if (s.type !== "spread") continue;
    const field = s.field ?? "instanceId";
    const counts = new Map<string, number>();
    for (const slot of slots) {
      const v = attributeOf(slot.c.instance, field);
      counts.set(v, (counts.get(v) ?? 0) + slot.c.groupTasks);
    }
    spreadCounts.set(field, counts);
  }

  const placements: ContainerInstance[] = [];
  for (let n = 0; n < req.count; n++) {
    const fit: Slot[] = [];
    for (const s of slots) {
      const lack = shortfall(req.needs, s.avail);
      if (lack) fail(s, lack);
      else if (memberOf.some((e) => !req.matches(e, s.c.instance))) fail(s, "MemberOf placement constraint unsatisfied.");
      else if (distinct && s.c.groupTasks + s.placed > 0) fail(s, "DistinctInstance placement constraint unsatisfied.");
      else fit.push(s);
    }
    if (fit.length === 0) break;
    const rnd = new Map(req.strategies.some((s) => s.type === "random") ? fit.map((s) => [s, random()]) : []);
    // The best candidate in one pass: placing a task needs the first, not a sorted list.
    let chosen = fit[0];
    for (let i = 1; i < fit.length; i++) if (compare(fit[i], chosen, req.strategies, spreadCounts, rnd) < 0) chosen = fit[i];
    chosen.placed++;
    chosen.avail.cpu -= req.needs.cpu;
    chosen.avail.memory -= req.needs.memory;
    for (const p of req.needs.ports) if (p.hostPort !== 0) (p.protocol === "udp" ? chosen.avail.udp : chosen.avail.tcp).add(String(p.hostPort));
    for (const [field, counts] of spreadCounts) {
      const v = attributeOf(chosen.c.instance, field);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    placements.push(chosen.c.instance);
  }
  return { placements, failures: placements.length === req.count ? [] : [...failures.values()] };
}
