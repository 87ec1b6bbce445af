// What one instance of a group holds, for managed scaling's arithmetic: the registered CPU and memory
// of the instance types the group launches (EC2's table), the largest and the smallest of them.
import type { GroupView } from "../../autoscaling/context.js";
import { DEFAULT_INSTANCE_TYPE, registeredCapacity } from "../domain/instanceTypes.js";
import type { Capacity } from "./reservation.js";

/**
 * The group's launch types; when its launch source names none (a template without InstanceType), the
 * types of its instances, else EC2's default type (chosen).
 */
export function groupCapacity(types: string[], group: GroupView): { largest: Capacity; smallest: Capacity } {
  const known = [...types, ...(types.length ? [] : group.instances.map((i) => i.instanceType))]
    .map((t) => registeredCapacity(t))
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  const capacities = known.length ? known : [registeredCapacity(DEFAULT_INSTANCE_TYPE)!];
  const size = (c: Capacity) => c.cpu * 1_000_000 + c.memory;
  const sorted = [...capacities].sort((a, b) => size(a) - size(b));
  const pick = (c: Capacity): Capacity => ({ cpu: c.cpu, memory: c.memory });
  return { smallest: pick(sorted[0]), largest: pick(sorted[sorted.length - 1]) };
}
