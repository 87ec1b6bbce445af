// Capacity providers: the account's own (Auto Scaling group) ones and the built-in Fargate pair.
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { CapacityProvider, CapacityProviderStrategyItem, ManagedScaling } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { ecsArn, nameFromRef } from "./arn.js";
import { tagsOf } from "./tags.js";

/** Every account has these; they are never stored, only associated with clusters. */
export const FARGATE_PROVIDERS: readonly string[] = ["FARGATE", "FARGATE_SPOT"];

export const isFargateProvider = (name: string): boolean => FARGATE_PROVIDERS.includes(name);

export const capacityProviderArn = (state: EcsState, name: string): string => ecsArn(state, `capacity-provider/${name}`);

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const RESERVED = /^(aws|ecs|fargate)/i;

export function checkCapacityProviderName(name: string): void {
  if (!NAME.test(name) || RESERVED.test(name)) {
    throw new ClientException(
      'The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.',
    );
  }
}

/** Managed scaling as ECS stores it: every field present, defaults where the request left gaps. */
export function managedScaling(given: ManagedScaling | undefined, base?: ManagedScaling): ManagedScaling {
  return {
    status: given?.status ?? base?.status ?? "DISABLED",
    targetCapacity: given?.targetCapacity ?? base?.targetCapacity ?? 100,
    minimumScalingStepSize: given?.minimumScalingStepSize ?? base?.minimumScalingStepSize ?? 1,
    maximumScalingStepSize: given?.maximumScalingStepSize ?? base?.maximumScalingStepSize ?? 10000,
    instanceWarmupPeriod: given?.instanceWarmupPeriod ?? base?.instanceWarmupPeriod ?? 300,
  };
}

/** The short name a capacity provider reference (name or ARN) points at. */
export const capacityProviderName = (ref: string): string => nameFromRef(ref, "capacity-provider");

/** The stored provider a reference names, deleted ones included; the Fargate pair is not stored. */
export function findCapacityProvider(state: EcsState, ref: string): CapacityProvider | undefined {
  return state.capacityProviders.get(capacityProviderName(ref));
}

/** A provider that can still be used or changed: neither deleted nor on its way out. */
export function usableCapacityProvider(state: EcsState, ref: string): CapacityProvider | undefined {
  const cp = findCapacityProvider(state, ref);
  return cp && cp.status === "ACTIVE" && cp.updateStatus !== "DELETE_IN_PROGRESS" ? cp : undefined;
}

/** Whether tasks placed through `name` wait for capacity rather than fail: an Auto Scaling group provider with managed scaling on. */
export function managedScalingOn(state: EcsState, name: string | undefined): boolean {
  const cp = name === undefined ? undefined : usableCapacityProvider(state, name);
  return cp?.autoScalingGroupProvider?.managedScaling?.status === "ENABLED";
}

/** Whether a provider's tasks wait for capacity: managed scaling on its group, or ECS Managed Instances launching for them. */
export function waitsForCapacity(state: EcsState, name: string | undefined): boolean {
  return managedScalingOn(state, name) || (name !== undefined && usableCapacityProvider(state, name)?.type === "MANAGED_INSTANCES");
}

/** Whether `name` can be associated with a cluster: a Fargate provider or a usable one of the account. */
export function capacityProviderExists(state: EcsState, name: string): boolean {
  return isFargateProvider(name) || usableCapacityProvider(state, name) !== undefined;
}

export function builtInProvider(state: EcsState, name: string): CapacityProvider {
  return { capacityProviderArn: capacityProviderArn(state, name), name, status: "ACTIVE", type: name as "FARGATE" | "FARGATE_SPOT" };
}

/** A provider as the API shows it; tags only when asked for, an empty list otherwise, as ECS sends it. */
export function describeCapacityProvider(state: EcsState, cp: CapacityProvider, withTags: boolean): CapacityProvider {
  return { ...structuredClone(cp), tags: withTags ? tagsOf(state, cp.capacityProviderArn!) : [] };
}

/** The ACTIVE clusters a provider is associated with, by name. */
export function clustersUsing(state: EcsState, name: string): string[] {
  const out: string[] = [];
  for (const rec of state.clusters.values()) {
    if (rec.cluster.status === "ACTIVE" && (rec.cluster.capacityProviders ?? []).includes(name)) out.push(rec.cluster.clusterName!);
  }
  return out;
}

/** A strategy item with the defaults ECS echoes: weight 0 and base 0 when not given. */
export function normalizeStrategy(items: CapacityProviderStrategyItem[]): CapacityProviderStrategyItem[] {
  return items.map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }));
}

export const NOT_ASSOCIATED =
  "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.";

/**
 * The rules every strategy obeys wherever it is given: providers associated with the cluster
 * (`associated`), not a mix of Fargate and Auto Scaling group providers, at most one base.
 */
export function checkStrategy(items: CapacityProviderStrategyItem[], associated: readonly string[]): void {
  for (const i of items) {
    if (!associated.includes(i.capacityProvider)) throw new InvalidParameterException(NOT_ASSOCIATED);
  }
  const fargate = items.filter((i) => isFargateProvider(i.capacityProvider)).length;
  if (fargate > 0 && fargate < items.length) {
    throw new InvalidParameterException(
      "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.",
    );
  }
  if (items.filter((i) => (i.base ?? 0) > 0).length > 1) {
    throw new InvalidParameterException("Only one capacity provider in a capacity provider strategy can have a base defined.");
  }
}
