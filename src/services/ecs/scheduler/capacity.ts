// Capacity provider strategies at launch: which strategy applies, and which provider gets each task.
import { InvalidParameterException } from "../generated/errors.js";
import type { CapacityProviderStrategyItem, LaunchType, Task } from "../generated/types.js";
import { checkStrategy, isFargateProvider, normalizeStrategy } from "../domain/capacityProviders.js";
import type { ClusterRecord } from "../store.js";
import { miMessages } from "../managedInstances/messages.js";

export interface ProviderLaunch {
  launchType: LaunchType;
  /** The provider the first task goes to; a strategy of one provider has only this one. */
  capacityProviderName?: string;
  /** The strategy tasks are spread over, with weight and base filled in. */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

export const BOTH_GIVEN = "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.";

/**
 * The launch a request on `rec` resolves to: its launch type, its own strategy, or, with neither,
 * the cluster's default strategy. Strategy providers must be associated with the cluster.
 */
export function resolveClusterLaunch(
  rec: ClusterRecord,
  launchType: LaunchType | undefined,
  strategy: CapacityProviderStrategyItem[] | undefined,
  isManaged: (provider: string) => boolean = () => false,
): ProviderLaunch {
  if (launchType && strategy?.length) throw new InvalidParameterException(BOTH_GIVEN);
  if (launchType === "MANAGED_INSTANCES") return managedInstancesLaunch(rec, isManaged);
  const items = strategy?.length ? strategy : launchType ? undefined : rec.cluster.defaultCapacityProviderStrategy;
  if (!items?.length) return { launchType: launchType ?? "EC2" };
  checkStrategy(items, rec.cluster.capacityProviders ?? []);
  // Several providers that all weigh nothing could never take a task beyond their bases.
  if (items.length > 1 && !items.some((i) => (i.weight ?? 0) > 0)) {
    throw new InvalidParameterException("At least one capacity provider in a capacity provider strategy must have a weight greater than zero.");
  }
  const normalized = normalizeStrategy(items);
  const first = items[0].capacityProvider;
  return {
    launchType: isFargateProvider(first) ? "FARGATE" : isManaged(first) ? "MANAGED_INSTANCES" : "EC2",
    capacityProviderName: assignProviders(normalized, new Map(), 1)[0],
    capacityProviderStrategy: normalized,
  };
}

/**
 * The MANAGED_INSTANCES launch type names no provider: the cluster's default strategy's Managed
 * Instances providers serve it, else the first such provider associated with the cluster (chosen).
 */
function managedInstancesLaunch(rec: ClusterRecord, isManaged: (provider: string) => boolean): ProviderLaunch {
  const fromDefault = (rec.cluster.defaultCapacityProviderStrategy ?? []).filter((i) => isManaged(i.capacityProvider));
  const associated = (rec.cluster.capacityProviders ?? []).find(isManaged);
  const items = fromDefault.length ? fromDefault : associated ? [{ capacityProvider: associated, weight: 1 }] : [];
  if (!items.length) throw new InvalidParameterException(miMessages.launchTypeWithoutProvider);
  const normalized = normalizeStrategy(items);
  return { launchType: "MANAGED_INSTANCES", capacityProviderName: assignProviders(normalized, new Map(), 1)[0], capacityProviderStrategy: normalized };
}

/** How many of `tasks` (those meant to run) each capacity provider holds. */
export function providerCounts(tasks: Iterable<Task>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    if (t.desiredStatus === "STOPPED" || !t.capacityProviderName) continue;
    counts.set(t.capacityProviderName, (counts.get(t.capacityProviderName) ?? 0) + 1);
  }
  return counts;
}

/**
 * The provider for each of `count` new tasks, given how many each already holds. Bases are
 * filled first; after that each task goes where its share beyond the base, relative to the
 * provider's weight, stays lowest (ties to the provider listed first), so weights 1:4 give 1 task
 * in 5 to the first. Deterministic: the same inputs always give the same providers.
 */
export function assignProviders(strategy: CapacityProviderStrategyItem[], existing: Map<string, number>, count: number): string[] {
  const held = new Map(strategy.map((i) => [i.capacityProvider, existing.get(i.capacityProvider) ?? 0]));
  const weighted = strategy.filter((i) => (i.weight ?? 0) > 0);
  // A strategy of one provider takes every task whatever its weight.
  const pool = weighted.length ? weighted : strategy.slice(0, 1);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let pick = strategy.find((i) => held.get(i.capacityProvider)! < (i.base ?? 0));
    if (!pick) {
      let best = Infinity;
      for (const i of pool) {
        const beyondBase = Math.max(0, held.get(i.capacityProvider)! - (i.base ?? 0));
        const score = (beyondBase + 1) / Math.max(i.weight ?? 0, 1e-9);
        if (score < best) [best, pick] = [score, i];
      }
    }
    out.push(pick!.capacityProvider);
    held.set(pick!.capacityProvider, held.get(pick!.capacityProvider)! + 1);
  }
  return out;
}
