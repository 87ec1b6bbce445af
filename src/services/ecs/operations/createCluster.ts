import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { clusterArn, DEFAULT_CLUSTER, describeCluster } from "../domain/clusters.js";
import { checkTags, putTags } from "../domain/tags.js";

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export const createCluster: Handler<"CreateCluster"> = (input, { state }) => {
  const name = input.clusterName ?? DEFAULT_CLUSTER;
  if (!NAME.test(name)) {
    throw new InvalidParameterException("Cluster name must be 1 to 255 characters: letters, numbers, hyphens and underscores.");
  }
  checkTags(input.tags);
  const existing = state.clusters.get(name);
  // Creating a cluster that exists answers with the existing one, unchanged.
  if (existing && existing.cluster.status === "ACTIVE") return { cluster: describeCluster(state, existing) };
  const arn = clusterArn(state, name);
  state.clusters.set(name, {
    cluster: {
      clusterArn: arn,
      clusterName: name,
      status: "ACTIVE",
      ...(input.configuration ? { configuration: input.configuration } : {}),
      settings: input.settings ?? [{ name: "containerInsights", value: "disabled" }],
      capacityProviders: input.capacityProviders ?? [],
      defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
      ...(input.serviceConnectDefaults?.namespace ? { serviceConnectDefaults: { namespace: input.serviceConnectDefaults.namespace } } : {}),
    },
    instances: new Map(),
    tasks: new Map(),
    services: new Map(),
  });
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  const rec = state.clusters.get(name)!;
  return { cluster: describeCluster(state, rec, input.tags?.length ? ["TAGS"] : []) };
};
