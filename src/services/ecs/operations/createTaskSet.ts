import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { TaskSet } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { activeService } from "../domain/services.js";
import { checkTags, putTags } from "../domain/tags.js";
import { checkExternal, checkScale, computedDesiredCount, describeTaskSet, MAX_TASK_SETS, messages, shownNetwork, taskSetArn } from "../domain/taskSets.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";
import { FARGATE_PLATFORM_VERSION } from "../domain/tasks.js";
import { serviceChanged } from "../scheduler/reconciler.js";
import { checkLaunch, resolveLaunch } from "../scheduler/start.js";
import type { ServiceLaunch } from "../store.js";
import { checkNetworkResources } from "../domain/network.js";

export const createTaskSet: Handler<"CreateTaskSet"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  const s = sr.service;
  checkExternal(s);
  if ((s.taskSets?.length ?? 0) >= MAX_TASK_SETS) throw new InvalidParameterException(messages.tooMany);

  const td = resolveTaskDefinition(state, input.taskDefinition);
  const launch = resolveLaunch(input.launchType, input.capacityProviderStrategy, rec, ctx.state);
  checkLaunch(td, launch.launchType, input.networkConfiguration);
  checkNetworkResources(ctx.backend.peers, ctx.state, input.networkConfiguration);
  // An omitted scale is 0%: the external controller scales a new task set up when it is ready.
  const scale = { value: input.scale?.value ?? 0, unit: input.scale?.unit ?? "PERCENT" };
  checkScale(scale.value);
  checkTags(input.tags);

  const now = ctx.now();
  const id = ctx.state.ids.deploymentId();
  const fargate = launch.launchType === "FARGATE";
  const spec: ServiceLaunch = {
    td,
    ...launch,
    networkConfiguration: input.networkConfiguration,
    strategies: s.placementStrategy ?? [],
    constraints: s.placementConstraints ?? [],
    platformVersion: input.platformVersion === "LATEST" ? undefined : input.platformVersion,
  };
  const network = shownNetwork(input.networkConfiguration);
  const taskSet: TaskSet = {
    id,
    taskSetArn: taskSetArn(state, s, id),
    serviceArn: s.serviceArn,
    clusterArn: s.clusterArn,
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    status: "ACTIVE",
    taskDefinition: td.taskDefinitionArn,
    computedDesiredCount: computedDesiredCount(s.desiredCount ?? 0, scale.value),
    pendingCount: 0,
    runningCount: 0,
    createdAt: now,
    updatedAt: now,
    ...(launch.capacityProviderStrategy ? { capacityProviderStrategy: launch.capacityProviderStrategy } : { launchType: launch.launchType }),
    ...(fargate ? { platformVersion: spec.platformVersion ?? FARGATE_PLATFORM_VERSION, platformFamily: "Linux" } : {}),
    ...(network ? { networkConfiguration: network } : {}),
    loadBalancers: input.loadBalancers ?? [],
    serviceRegistries: input.serviceRegistries ?? [],
    scale,
    stabilityStatus: "STABILIZING",
    stabilityStatusAt: now,
  };
  (s.taskSets ??= []).push(taskSet);
  sr.launches.set(id, spec);
  sr.steady = false;
  putTags(state, taskSet.taskSetArn!, input.tags);
  serviceChanged(ctx, rec, sr);
  return { taskSet: describeTaskSet(state, taskSet, input.tags?.length ? ["TAGS"] : []) };
};
