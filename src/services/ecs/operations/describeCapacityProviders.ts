import type { Handler } from "../context.js";
import type { CapacityProvider, Failure } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import {
  builtInProvider,
  capacityProviderArn,
  capacityProviderName,
  describeCapacityProvider,
  FARGATE_PROVIDERS,
  isFargateProvider,
} from "../domain/capacityProviders.js";
import { paginate } from "../domain/pagination.js";

export const describeCapacityProviders: Handler<"DescribeCapacityProviders"> = (input, { state }) => {
  // Only the providers associated with the named cluster, when one is named.
  const rec = input.cluster !== undefined ? activeCluster(state, input.cluster) : undefined;
  // A cluster's own Managed Instances providers count as its, associated or not yet.
  const own = [...state.capacityProviders.values()].filter((cp) => rec && cp.cluster === rec.cluster.clusterName).map((cp) => cp.name!);
  const associated = rec ? new Set([...(rec.cluster.capacityProviders ?? []), ...own]) : undefined;
  const withTags = (input.include ?? []).includes("TAGS");
  const found: CapacityProvider[] = [];
  const failures: Failure[] = [];
  const lookup = (name: string): CapacityProvider | undefined => {
    if (associated && !associated.has(name)) return undefined;
    if (isFargateProvider(name)) return builtInProvider(state, name);
    const cp = state.capacityProviders.get(name);
    return cp && describeCapacityProvider(state, cp, withTags);
  };
  if (input.capacityProviders?.length) {
    for (const ref of input.capacityProviders) {
      const cp = lookup(capacityProviderName(ref));
      if (cp) found.push(isFargateProvider(cp.name!) ? { ...cp, tags: [] } : cp);
      else failures.push({ arn: ref.startsWith("arn:") ? ref : capacityProviderArn(state, ref), reason: "MISSING" });
    }
  } else {
    // The account's own providers in the order they were made, then the built-in Fargate pair.
    for (const name of [...state.capacityProviders.keys(), ...FARGATE_PROVIDERS]) {
      const cp = lookup(name);
      if (cp) found.push(isFargateProvider(name) ? { ...cp, tags: [] } : cp);
    }
  }
  const page = paginate(found, (cp) => cp.name!, input.maxResults, input.nextToken, 10);
  return { capacityProviders: page.items, failures, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
