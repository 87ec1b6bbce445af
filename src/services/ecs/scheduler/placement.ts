// Where tasks go: a pure function of the candidates, the task's needs, strategies and constraints.
import type { ContainerInstance, Failure, PlacementConstraint, PlacementStrategy } from "../generated/types.js";
import { available, portShortfall, remaining, type Availability, type TaskNeeds } from "../domain/resources.js";

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
 * What placement keeps of the candidates while it places, one column per quantity, indexed as the
 * candidates are: a call looks at every instance of the cluster, and an object (or three) per instance
 * per call was most of what RunTask allocated: the collector's pauses fell on the requests in flight.
 */
interface Slots {
  cpu: Float64Array;
  memory: Float64Array;
  /** Tasks this call placed on each. */
  placed: Int32Array;
  /** This task's draw for a random strategy (present when a strategy is random). */
  rnd?: Float64Array;
  /** Host ports in use, read only when the task asks for a fixed one. */
  ports: (Availability | undefined)[];
}

/**
 * A strategy as placement reads it, worked out once per call rather than once per comparison: the
 * spread counts of its field (shared by strategies that spread over the same field), and each
 * candidate's value of that field.
 */
interface Rule {
  type: string;
  counts?: Map<string, number>;
  values?: string[];
  /** A binpack on CPU (any other field packs on memory). */
  cpu: boolean;
}

/** Orders two candidates by the strategies in turn; ties fall to spreading over instances, then registration order. */
function compare(a: number, b: number, rules: Rule[], slots: Slots, cands: Candidate[]): number {
  for (const r of rules) {
    let d = 0;
    if (r.type === "spread") d = (r.counts!.get(r.values![a]) ?? 0) - (r.counts!.get(r.values![b]) ?? 0);
    else if (r.type === "binpack") d = r.cpu ? slots.cpu[a] - slots.cpu[b] : slots.memory[a] - slots.memory[b];
    else if (r.type === "random") d = slots.rnd![a] - slots.rnd![b];
    if (d !== 0) return d;
  }
  return cands[a].groupTasks + slots.placed[a] - (cands[b].groupTasks + slots.placed[b]);
}

function failsMemberOf(expressions: string[], matches: PlacementRequest["matches"], ci: ContainerInstance): boolean {
  for (const e of expressions) if (!matches(e, ci)) return true;
  return false;
}

/** The strategies as rules, with each spread field's group counts and values over the candidates. */
function rulesOf(strategies: PlacementStrategy[], cands: Candidate[]): Rule[] {
  // Tasks of the group per value of each spread field, so spreading balances the whole group.
  const byField = new Map<string, Rule>();
  const rules: Rule[] = [];
  for (const s of strategies) {
    if (s.type !== "spread") {
      rules.push({ type: s.type ?? "", cpu: s.field?.toLowerCase() === "cpu" });
      continue;
    }
    const field = s.field ?? "instanceId";
    let rule = byField.get(field);
    if (!rule) {
      const counts = new Map<string, number>();
      const read = attributeReader(field);
      const values = cands.map((c) => {
        const v = read(c.instance);
        counts.set(v, (counts.get(v) ?? 0) + c.groupTasks);
        return v;
      });
      rule = { type: "spread", counts, values, cpu: false };
      byField.set(field, rule);
    }
    rules.push(rule);
  }
  return rules;
}

function slotsOf(cands: Candidate[], needs: TaskNeeds, random: boolean): Slots {
  const n = cands.length;
  const slots: Slots = { cpu: new Float64Array(n), memory: new Float64Array(n), placed: new Int32Array(n), rnd: random ? new Float64Array(n) : undefined, ports: [] };
  const fixedPorts = needs.ports.some((p) => p.hostPort !== 0);
  for (let i = 0; i < n; i++) {
    const ci = cands[i].instance;
    slots.cpu[i] = remaining(ci, "CPU");
    slots.memory[i] = remaining(ci, "MEMORY");
    if (fixedPorts) slots.ports[i] = available(ci, cands[i].dynamicPorts);
  }
  return slots;
}

/** The first reason candidate i cannot take the task now, in the order ECS reports them. */
function lackOf(needs: TaskNeeds, slots: Slots, i: number): ReturnType<typeof portShortfall> | "RESOURCE:CPU" | "RESOURCE:MEMORY" {
  if (needs.cpu > slots.cpu[i]) return "RESOURCE:CPU";
  if (needs.memory > slots.memory[i]) return "RESOURCE:MEMORY";
  const ports = slots.ports[i];
  return ports ? portShortfall(needs, ports) : undefined;
}

export function place(req: PlacementRequest): PlacementResult {
  const random = req.random ?? Math.random;
  const cands = req.candidates;
  const distinct = req.constraints.some((c) => c.type === "distinctInstance");
  const memberOf = req.constraints.filter((c) => c.type === "memberOf" && c.expression).map((c) => c.expression!);
  const rules = rulesOf(req.strategies, cands);
  const draws = rules.some((r) => r.type === "random");
  const slots = slotsOf(cands, req.needs, draws);
  let failures: Map<string, Failure> | undefined;
  const fail = (i: number, reason: string): void => {
    const arn = cands[i].instance.containerInstanceArn!;
    failures ??= new Map();
    if (!failures.has(arn)) failures.set(arn, { arn, reason });
  };
  // Each spread field once, however many strategies spread over it.
  const spreads = [...new Set(rules.filter((r) => r.type === "spread"))];

  const placements: ContainerInstance[] = [];
  for (let n = 0; n < req.count; n++) {
    // The best candidate in the same pass that finds which fit: placing a task needs the first, not
    // a sorted list. Each one that fits draws (for a random strategy) when it is reached, which is
    // the order the draws have always been made in: the candidates' order, before any comparison
    // that reads them.
    let chosen = -1;
    for (let i = 0; i < cands.length; i++) {
      const lack = lackOf(req.needs, slots, i);
      if (lack) fail(i, lack);
      else if (memberOf.length && failsMemberOf(memberOf, req.matches, cands[i].instance)) fail(i, "MemberOf placement constraint unsatisfied.");
      else if (distinct && cands[i].groupTasks + slots.placed[i] > 0) fail(i, "DistinctInstance placement constraint unsatisfied.");
      else {
        if (draws) slots.rnd![i] = random();
        if (chosen < 0 || compare(i, chosen, rules, slots, cands) < 0) chosen = i;
      }
    }
    if (chosen < 0) break;
    slots.placed[chosen]++;
    slots.cpu[chosen] -= req.needs.cpu;
    slots.memory[chosen] -= req.needs.memory;
    const ports = slots.ports[chosen];
    if (ports) for (const p of req.needs.ports) if (p.hostPort !== 0) (p.protocol === "udp" ? ports.udp : ports.tcp).add(String(p.hostPort));
    for (const r of spreads) {
      const v = r.values![chosen];
      r.counts!.set(v, (r.counts!.get(v) ?? 0) + 1);
    }
    placements.push(cands[chosen].instance);
  }
  return { placements, failures: placements.length === req.count || !failures ? [] : [...failures.values()] };
}
