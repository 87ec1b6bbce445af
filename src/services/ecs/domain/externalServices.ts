// Services whose deploymentController is EXTERNAL: the service holds the desired count and the
// placement rules, its task sets hold everything a task is made from.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { CreateServiceRequest, Service, UpdateServiceRequest } from "../generated/types.js";
import type { ClusterRecord, ServiceRecord } from "../store.js";
import { applyServiceSettings, checkDesiredCount, serviceArn } from "./services.js";
import { rescale } from "./taskSets.js";

/** What UpdateService cannot change on an EXTERNAL service: a new task set carries it instead. */
const TASK_SET_FIELDS = ["taskDefinition", "capacityProviderStrategy", "platformVersion", "networkConfiguration", "loadBalancers", "serviceRegistries"] as const;

export function newExternalService(ctx: EcsContext, rec: ClusterRecord, input: CreateServiceRequest, roleArn: string, created: string): ServiceRecord {
  const { state } = ctx;
  if (input.schedulingStrategy === "DAEMON") {
    throw new InvalidParameterException("The daemon scheduling strategy is not supported with the EXTERNAL deployment controller.");
  }
  const service: Service = {
    serviceArn: serviceArn(state, rec.cluster.clusterName!, input.serviceName),
    serviceName: input.serviceName,
    clusterArn: rec.cluster.clusterArn,
    loadBalancers: [],
    serviceRegistries: [],
    status: "ACTIVE",
    desiredCount: input.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, ...input.deploymentConfiguration },
    taskSets: [],
    deployments: [],
    roleArn,
    events: [],
    createdAt: ctx.now(),
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    ...(input.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds } : {}),
    schedulingStrategy: "REPLICA",
    deploymentController: { type: "EXTERNAL" },
    createdBy: `arn:aws:iam::${state.accountId}:root`,
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? "NONE",
    enableExecuteCommand: input.enableExecuteCommand ?? false,
  };
  return { service, launches: new Map(), tasks: new Map(), created, steady: false, history: [] };
}

/**
 * UpdateService on an EXTERNAL service: the desired count (which every task set's computed count
 * follows), the grace period and the deployment configuration; task set fields are refused.
 */
export function updateExternalService(ctx: EcsContext, sr: ServiceRecord, input: UpdateServiceRequest): void {
  const s = sr.service;
  const refused = TASK_SET_FIELDS.find((f) => input[f] !== undefined) ?? (input.forceNewDeployment ? "forceNewDeployment" : undefined);
  if (refused) {
    throw new InvalidParameterException(`Unable to update ${refused} on services with a EXTERNAL deployment controller. Create a new task set instead.`);
  }
  checkDesiredCount(input.desiredCount);
  applyServiceSettings(s, input);
  for (const ts of s.taskSets ?? []) rescale(s, ts, ctx.now());
  sr.steady = false;
}
