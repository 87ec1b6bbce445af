import type { EcsContext, Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { CreateServiceRequest, CreateServiceResponse, Service } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { checkDesiredCount, describeService, SERVICE_NAME, serviceArn } from "../domain/services.js";
import { newExternalService } from "../domain/externalServices.js";
import { checkLoadBalancers } from "../domain/loadBalancers.js";
import { checkTags, putTags } from "../domain/tags.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";
import { checkServiceConnect, serviceConnectResources, whenServiceConnect } from "../domain/serviceConnect.js";
import { shownNetwork } from "../domain/taskSets.js";
import { addDeployment, defaultDeploymentConfiguration } from "../scheduler/deployments.js";
import { serviceChanged } from "../scheduler/reconciler.js";
import { checkLaunch, resolveLaunch } from "../scheduler/start.js";
import type { ServiceLaunch, ServiceRecord } from "../store.js";
import { checkNetworkResources } from "../domain/network.js";
import { flat } from "../../../state/ids.js";
import { EMPTY, sharedText } from "../../../state/shared.js";

/**
 * The same request twice is the same service; key order and the client token do not matter. The
 * text is JSON.stringify of the request with its keys sorted, written directly rather than through
 * sorted copies of every object.
 */
function canonical(input: CreateServiceRequest): string {
  // Kept as long as the service: flat, not the tree of pieces `+=` leaves.
  return flat(sortedJson(input, "clientToken"));
}

function sortedJson(v: unknown, skip?: string): string {
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + (v[i] === undefined ? "null" : sortedJson(v[i]));
    return out + "]";
  }
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  let out = "{";
  for (const k of Object.keys(o).sort()) {
    if (k === skip || o[k] === undefined) continue;
    out += (out.length > 1 ? "," : "") + JSON.stringify(k) + ":" + sortedJson(o[k]);
  }
  return out + "}";
}

/** One copy of the role's ARN for all the services that name it (most name none: the service-linked role). */
function roleArn(ctx: EcsContext, role: string | undefined): string {
  const account = ctx.state.accountId;
  if (!role) return sharedText(`arn:aws:iam::${account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`);
  return sharedText(role.startsWith("arn:") ? role : `arn:aws:iam::${account}:role/${role.replace(/^\//, "")}`);
}

/** The controller a service has when CreateService names none; UpdateService replaces it, never edits it. */
const ECS_CONTROLLER = Object.freeze({ type: "ECS" as const });

function checkScheduling(input: CreateServiceRequest, daemon: boolean): void {
  if (!daemon && input.desiredCount === undefined) throw new InvalidParameterException("The replica scheduling strategy requires a desired count.");
  checkDesiredCount(input.desiredCount, daemon);
  if (!input.taskDefinition && input.deploymentController?.type !== "EXTERNAL") {
    throw new InvalidParameterException("A task definition must be specified when the deployment controller type is ECS.");
  }
}

/** With Service Connect, Cloud Map's operations are loaded first: its namespace and services are found or made there. */
export const createService: Handler<"CreateService"> = (input, ctx) => whenServiceConnect(ctx, input.serviceConnectConfiguration?.enabled === true, () => create(input, ctx));

function create(input: CreateServiceRequest, ctx: EcsContext): CreateServiceResponse {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const name = input.serviceName;
  if (!SERVICE_NAME.test(name)) throw new InvalidParameterException("Service name must be 1 to 255 characters: letters, numbers, hyphens and underscores.");
  const daemon = input.schedulingStrategy === "DAEMON";
  checkScheduling(input, daemon);

  const existing = rec.services.get(name);
  if (existing?.service.status === "DRAINING") throw new InvalidParameterException("Unable to Start a service that is still Draining.");
  if (existing?.service.status === "ACTIVE") {
    if (existing.created !== canonical(input)) throw new InvalidParameterException("Creation of service was not idempotent.");
    return { service: describeService(state, existing) };
  }
  if (input.deploymentController?.type === "EXTERNAL") {
    checkTags(input.tags);
    const sr = newExternalService(ctx, rec, input, roleArn(ctx, input.role), canonical(input));
    rec.services.set(name, sr);
    if (existing) state.tags.delete(sr.service.serviceArn!);
    putTags(state, sr.service.serviceArn!, input.tags);
    return { service: describeService(state, sr) };
  }

  const td = resolveTaskDefinition(state, input.taskDefinition!, "TaskDefinition not found.");
  const launch = resolveLaunch(input.launchType, input.capacityProviderStrategy, rec, ctx.state);
  if (daemon && launch.launchType === "FARGATE") throw new InvalidParameterException("The daemon scheduling strategy is not supported with the FARGATE launch type.");
  checkLaunch(td, launch.launchType, input.networkConfiguration);
  checkNetworkResources(ctx.backend.peers, ctx.state, input.networkConfiguration);
  checkLoadBalancers(ctx, input.loadBalancers, td);
  const connectNamespace = checkServiceConnect(ctx, rec.cluster, td, input.serviceConnectConfiguration);
  checkTags(input.tags);
  const connectResources = serviceConnectResources(ctx, connectNamespace, input.serviceConnectConfiguration);

  const fargate = launch.launchType === "FARGATE";
  const networkConfiguration = shownNetwork(input.networkConfiguration);
  const arn = serviceArn(state, rec.cluster.clusterName!, name);
  const now = ctx.now();
  const service: Service = {
    serviceArn: arn,
    serviceName: name,
    clusterArn: rec.cluster.clusterArn,
    loadBalancers: input.loadBalancers ?? EMPTY,
    serviceRegistries: input.serviceRegistries ?? EMPTY,
    status: "ACTIVE",
    desiredCount: daemon ? 0 : input.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    ...(launch.capacityProviderStrategy ? { capacityProviderStrategy: launch.capacityProviderStrategy } : { launchType: launch.launchType }),
    ...(fargate ? { platformVersion: input.platformVersion ?? "LATEST", platformFamily: "Linux" } : {}),
    taskDefinition: td.taskDefinitionArn,
    deploymentConfiguration: defaultDeploymentConfiguration(daemon, input.deploymentConfiguration),
    deployments: [],
    roleArn: roleArn(ctx, input.role),
    events: [],
    createdAt: now,
    placementConstraints: input.placementConstraints ?? EMPTY,
    placementStrategy: input.placementStrategy ?? EMPTY,
    ...(networkConfiguration ? { networkConfiguration } : {}),
    ...(input.healthCheckGracePeriodSeconds !== undefined || input.loadBalancers?.length ? { healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? 0 } : {}),
    schedulingStrategy: daemon ? "DAEMON" : "REPLICA",
    deploymentController: input.deploymentController ?? ECS_CONTROLLER,
    createdBy: sharedText(`arn:aws:iam::${state.accountId}:root`),
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? "NONE",
    enableExecuteCommand: input.enableExecuteCommand ?? false,
    availabilityZoneRebalancing: input.availabilityZoneRebalancing ?? "ENABLED",
  };
  // Every member the record comes to hold, in one order: they stay in the object, not in a second array beside it.
  const sr: ServiceRecord = { service, launches: new Map(), tasks: new Map(), created: canonical(input), lastProblem: undefined, steady: false, retiring: undefined, history: [], revisions: undefined };
  const spec: ServiceLaunch = {
    td,
    ...launch,
    networkConfiguration,
    strategies: input.placementStrategy ?? EMPTY,
    constraints: input.placementConstraints ?? EMPTY,
    platformVersion: input.platformVersion === "LATEST" ? undefined : input.platformVersion,
    enableExecuteCommand: input.enableExecuteCommand,
  };
  addDeployment(state, sr, spec, now, { serviceConnectConfiguration: input.serviceConnectConfiguration, serviceConnectResources: connectResources, volumeConfigurations: input.volumeConfigurations });
  rec.services.set(name, sr);
  // A service of the same name that went INACTIVE leaves nothing behind, its tags included.
  if (existing) state.tags.delete(arn);
  putTags(state, arn, input.tags);
  serviceChanged(ctx, rec, sr);
  return { service: describeService(state, sr) };
}
