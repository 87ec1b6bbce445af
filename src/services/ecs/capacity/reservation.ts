// CapacityProviderReservation, as the "Deep dive on Amazon ECS cluster auto scaling" blog defines it:
// M / N × 100, N the instances running, M the instances needed (those running non-daemon tasks plus
// those the waiting tasks would fill, packed onto the group's instance type); 100 when both are 0,
// 200 when tasks wait and no instance runs. Pure: the evaluation gathers the inputs.
import type { TaskNeeds } from "../domain/resources.js";

export interface Capacity {
  cpu: number;
  memory: number;
}

export interface ReservationInput {
  /** The provider's instances registered ACTIVE in the cluster: whether each runs a non-daemon task. */
  busy: boolean[];
  waiting: TaskNeeds[];
  /** The registered capacity of the largest and the smallest type the group launches. */
  largest: Capacity;
  smallest: Capacity;
}

export interface Reservation {
  running: number;
  needed: number;
  value: number;
  /** Waiting tasks no instance type of the group could hold: left out, as ECS leaves them out. */
  incompatible: number;
}

interface Bin {
  cpu: number;
  memory: number;
  ports: Set<string>;
}

const fits = (n: TaskNeeds, c: Capacity): boolean => n.cpu <= c.cpu && n.memory <= c.memory;

function fixedPorts(n: TaskNeeds): string[] {
  return n.ports.filter((p) => p.hostPort !== 0).map((p) => `${p.protocol}/${p.hostPort}`);
}

/** Instances of `capacity` the tasks fill, largest first into the first instance with room (binpack). */
export function instancesFor(tasks: TaskNeeds[], capacity: Capacity): number {
  const bins: Bin[] = [];
  const sorted = [...tasks].sort((a, b) => b.memory - a.memory || b.cpu - a.cpu);
  for (const t of sorted) {
    const ports = fixedPorts(t);
    let bin = bins.find((b) => b.cpu >= t.cpu && b.memory >= t.memory && ports.every((p) => !b.ports.has(p)));
    if (!bin) bins.push((bin = { cpu: capacity.cpu, memory: capacity.memory, ports: new Set() }));
    bin.cpu -= t.cpu;
    bin.memory -= t.memory;
    for (const p of ports) bin.ports.add(p);
  }
  return bins.length;
}

export function reservation(input: ReservationInput): Reservation {
  const running = input.busy.length;
  const compatible = input.waiting.filter((t) => fits(t, input.smallest));
  const needed = input.busy.filter(Boolean).length + instancesFor(compatible, input.largest);
  let value: number;
  if (running === 0) value = needed === 0 ? 100 : 200;
  else value = (needed / running) * 100;
  return { running, needed, value, incompatible: input.waiting.length - compatible.length };
}

export interface Steps {
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
}

/**
 * The desired capacity target tracking asks for on a scale-out: capacity × value / target, counting
 * no instance as one (the blog's special case, so that scaling from zero launches two at target 100),
 * the step kept between the minimum and maximum scaling step sizes.
 */
export function scaleOutTo(r: Reservation, s: Steps): number {
  // In whole numbers: N × (M / N × 100) / target is M × 100 / target, without rounding error.
  const wanted = r.running === 0 ? Math.ceil(r.value / s.targetCapacity) : Math.ceil((r.needed * 100) / s.targetCapacity);
  const step = Math.max(s.minimumScalingStepSize, Math.min(s.maximumScalingStepSize, wanted - r.running));
  return r.running + step;
}

/** The desired capacity a scale-in asks for: what the needed instances call for, at most half the group (at least one) at a time. */
export function scaleInTo(r: Reservation, targetCapacity: number, current: number): number {
  const wanted = Math.ceil((r.needed * 100) / targetCapacity);
  return Math.max(wanted, current - Math.max(1, Math.floor(current / 2)));
}
