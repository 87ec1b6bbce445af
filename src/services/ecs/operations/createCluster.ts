import type { EcsContext, Handler } from "../context.js";
import { TaskIndex } from "../domain/taskIndex.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Cluster, CreateClusterRequest, CreateClusterResponse } from "../generated/types.js";
import { loadAutoScaling } from "../capacity/autoScaling.js";
import { planAttachments } from "../capacity/attachments.js";
import { effectiveSetting, rootArn } from "../domain/accountSettings.js";
import { checkClusterSettings, clusterArn, DEFAULT_CLUSTER, describeCluster, mergeClusterSettings } from "../domain/clusters.js";
import { serviceConnectDefaults, whenServiceConnect } from "../domain/serviceConnect.js";
import { checkTags, putTags } from "../domain/tags.js";

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;

function create(input: CreateClusterRequest, ctx: EcsContext): CreateClusterResponse {
  const { state } = ctx;
  const name = input.clusterName ?? DEFAULT_CLUSTER;
  if (!NAME.test(name)) throw new InvalidParameterException(`Cluster name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was ${name}`);
  checkTags(input.tags);
  checkClusterSettings(input.settings);
  const existing = state.clusters.get(name);
  // Creating a cluster that exists answers with the existing one, unchanged.
  if (existing && existing.cluster.status === "ACTIVE") return { cluster: describeCluster(state, existing) };

  // A new cluster takes Container Insights from the account setting unless the request says otherwise.
  const insights = effectiveSetting(state, rootArn(state), "containerInsights").value!;
  const scd = input.serviceConnectDefaults ? serviceConnectDefaults(ctx, input.serviceConnectDefaults) : undefined;
  const arn = clusterArn(state, name);
  const cluster: Cluster = {
    clusterArn: arn,
    clusterName: name,
    status: "ACTIVE",
    ...(input.configuration ? { configuration: input.configuration } : {}),
    settings: mergeClusterSettings([{ name: "containerInsights", value: insights }], input.settings ?? []),
    capacityProviders: input.capacityProviders ?? [],
    defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
    ...(scd ? { serviceConnectDefaults: scd } : {}),
  };
  const rec = { cluster, instances: new Map(), tasks: new Map(), index: new TaskIndex(), services: new Map(), dynamicPorts: new Map(), waiting: new Map() };
  state.clusters.set(name, rec);
  // Tags of an earlier cluster of the same name do not come back with the new one.
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  planAttachments(ctx, rec);
  return { cluster: describeCluster(state, rec) };
}

/**
 * With capacity providers, Auto Scaling's operations are loaded first: their policies and hooks are
 * put through them; with a Service Connect default, Cloud Map's (its namespace is found or made there).
 */
export const createCluster: Handler<"CreateCluster"> = (input, ctx) => {
  const loading = input.capacityProviders?.length ? loadAutoScaling(ctx.backend) : undefined;
  const run = () => whenServiceConnect(ctx, !!input.serviceConnectDefaults?.namespace, () => create(input, ctx));
  return loading ? loading.then(run) : run();
};
