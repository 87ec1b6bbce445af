import type { EcsContext, Handler } from "../context.js";
import type { UpdateServiceRequest, UpdateServiceResponse } from "../generated/types.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { activeService, applyServiceSettings, checkDesiredCount, describeService } from "../domain/services.js";
import { updateExternalService } from "../domain/externalServices.js";
import { checkServiceConnect, serviceConnectResources, whenServiceConnect } from "../domain/serviceConnect.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";
import { shownNetwork } from "../domain/taskSets.js";
import { addDeployment } from "../scheduler/deployments.js";
import { serviceChanged } from "../scheduler/reconciler.js";
import { checkLoadBalancers } from "../domain/loadBalancers.js";
import { checkLaunch, resolveLaunch } from "../scheduler/start.js";
import type { ServiceLaunch } from "../store.js";
import { checkNetworkResources } from "../domain/network.js";

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What the tasks of a deployment are made from; a change in any of it makes a new deployment. */
function launchKey(l: ServiceLaunch): unknown[] {
  return [l.td.taskDefinitionArn, l.launchType, l.capacityProviderName, l.networkConfiguration, l.strategies, l.constraints, l.platformVersion, l.enableExecuteCommand ?? false];
}

/** With Service Connect, Cloud Map's operations are loaded first (see createService); a deployment that has it loaded them already. */
export const updateService: Handler<"UpdateService"> = (input, ctx) => whenServiceConnect(ctx, input.serviceConnectConfiguration?.enabled === true, () => update(input, ctx));

function update(input: UpdateServiceRequest, ctx: EcsContext): UpdateServiceResponse {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  const s = sr.service;
  if (s.deploymentController?.type === "EXTERNAL") {
    updateExternalService(ctx, sr, input);
    serviceChanged(ctx, rec, sr);
    return { service: describeService(state, sr) };
  }
  const daemon = s.schedulingStrategy === "DAEMON";
  checkDesiredCount(input.desiredCount, daemon);

  // Everything is resolved and checked before anything changes.
  const primary = s.deployments![0];
  const current = sr.launches.get(primary.id!)!;
  const td = input.taskDefinition ? resolveTaskDefinition(state, input.taskDefinition) : current.td;
  const launch = input.capacityProviderStrategy?.length
    ? resolveLaunch(undefined, input.capacityProviderStrategy, rec, ctx.state)
    : { launchType: current.launchType, capacityProviderName: current.capacityProviderName, capacityProviderStrategy: current.capacityProviderStrategy };
  if (daemon && launch.launchType === "FARGATE") throw new InvalidParameterException("The daemon scheduling strategy is not supported with the FARGATE launch type.");
  const networkConfiguration = shownNetwork(input.networkConfiguration) ?? current.networkConfiguration;
  if (input.taskDefinition || input.networkConfiguration || input.capacityProviderStrategy?.length) checkLaunch(td, launch.launchType, networkConfiguration);
  checkNetworkResources(ctx.backend.peers, ctx.state, networkConfiguration);
  const connect = input.serviceConnectConfiguration ?? primary.serviceConnectConfiguration;
  const connectNamespace = input.serviceConnectConfiguration || input.taskDefinition ? checkServiceConnect(ctx, rec.cluster, td, connect) : undefined;
  if (input.loadBalancers !== undefined || input.taskDefinition) checkLoadBalancers(ctx, input.loadBalancers ?? s.loadBalancers, td);
  const next: ServiceLaunch = {
    td,
    ...launch,
    networkConfiguration,
    strategies: input.placementStrategy ?? current.strategies,
    constraints: input.placementConstraints ?? current.constraints,
    platformVersion: input.platformVersion === undefined ? current.platformVersion : input.platformVersion === "LATEST" ? undefined : input.platformVersion,
    enableExecuteCommand: input.enableExecuteCommand ?? current.enableExecuteCommand,
  };
  const wiringChanged =
    (input.loadBalancers !== undefined && !same(input.loadBalancers, s.loadBalancers)) ||
    (input.serviceRegistries !== undefined && !same(input.serviceRegistries, s.serviceRegistries)) ||
    (input.serviceConnectConfiguration !== undefined && !same(input.serviceConnectConfiguration, primary.serviceConnectConfiguration)) ||
    (input.volumeConfigurations !== undefined && !same(input.volumeConfigurations, primary.volumeConfigurations));
  const redeploy = input.forceNewDeployment === true || wiringChanged || !same(launchKey(next), launchKey(current));

  const connectResources = input.serviceConnectConfiguration ? serviceConnectResources(ctx, connectNamespace, connect) : primary.serviceConnectResources;
  applyServiceSettings(s, input);
  if (input.availabilityZoneRebalancing !== undefined) s.availabilityZoneRebalancing = input.availabilityZoneRebalancing;
  if (input.loadBalancers !== undefined) s.loadBalancers = input.loadBalancers;
  if (input.serviceRegistries !== undefined) s.serviceRegistries = input.serviceRegistries;
  if (networkConfiguration) s.networkConfiguration = networkConfiguration;
  s.taskDefinition = td.taskDefinitionArn;
  if (input.capacityProviderStrategy?.length) {
    s.capacityProviderStrategy = launch.capacityProviderStrategy;
    delete s.launchType;
  }
  if (input.platformVersion !== undefined && launch.launchType === "FARGATE") s.platformVersion = input.platformVersion;

  if (redeploy) {
    addDeployment(state, sr, next, ctx.now(), {
      serviceConnectConfiguration: connect,
      serviceConnectResources: connectResources,
      volumeConfigurations: input.volumeConfigurations ?? primary.volumeConfigurations,
    });
  }
  // The answer shows the deployments as the scheduler left them: a new desired count reaches the
  // PRIMARY deployment when the scheduler takes it up, right after this answer.
  serviceChanged(ctx, rec, sr);
  return { service: describeService(state, sr) };
}
