import type { EcsContext, Handler } from "../context.js";
import { ClusterNotFoundException, InvalidParameterException } from "../generated/errors.js";
import type { CreateExpressGatewayServiceRequest, CreateExpressGatewayServiceResponse } from "../generated/types.js";
import { clusterName, DEFAULT_CLUSTER, findCluster } from "../domain/clusters.js";
import { SERVICE_NAME, serviceArn } from "../domain/services.js";
import { checkTags } from "../domain/tags.js";
import { createCluster } from "./createCluster.js";
import { loadAutoScaling } from "../capacity/autoScaling.js";
import { completeConfiguration } from "../express/config.js";
import { checkConfiguration, checkRole } from "../express/checks.js";
import { endpointHost, generatedServiceName } from "../express/names.js";
import { placement } from "../express/network.js";
import { loadExpressPeers } from "../express/peers.js";
import { provisionIngress, provisionLogGroup, provisionScaling, provisionService, registerRevision } from "../express/provision.js";
import { expressView } from "../express/views.js";
import type { ExpressRecord } from "../express/types.js";

function create(input: CreateExpressGatewayServiceRequest, ctx: EcsContext): CreateExpressGatewayServiceResponse {
  const { state } = ctx;
  // Only the default cluster is made when missing (the guide); another must exist.
  const cluster = clusterName(input.cluster);
  const existing = findCluster(state, input.cluster);
  if ((!existing || existing.cluster.status === "INACTIVE") && cluster !== DEFAULT_CLUSTER) throw new ClusterNotFoundException("Cluster not found.");
  const name = input.serviceName ?? generatedServiceName(ctx, input.primaryContainer.image);
  if (!SERVICE_NAME.test(name)) throw new InvalidParameterException("Service name must be 1 to 255 characters: letters, numbers, hyphens and underscores.");
  const taken = existing?.services.get(name);
  if (taken && taken.service.status !== "INACTIVE") throw new InvalidParameterException("Creation of service was not idempotent.");
  checkRole(ctx, input.infrastructureRoleArn);
  checkTags(input.tags);
  const draft = completeConfiguration({ ...input, primaryContainer: input.primaryContainer }, "");
  checkConfiguration(ctx, draft);
  const where = placement(ctx, input.networkConfiguration);

  // Checked: from here on everything is made.
  const rec = existing && existing.cluster.status === "ACTIVE" ? existing : (createCluster({ clusterName: DEFAULT_CLUSTER, capacityProviders: ["FARGATE", "FARGATE_SPOT"] }, ctx), state.clusters.get(DEFAULT_CLUSTER)!);
  const logGroup = provisionLogGroup(ctx, cluster, name, input.primaryContainer.awsLogsConfiguration?.logGroup);
  const config = completeConfiguration({ ...input, networkConfiguration: { subnets: where.subnets, securityGroups: where.securityGroups ?? [] } }, logGroup?.name ?? "");
  const host = endpointHost(ctx, name);
  const ingress = provisionIngress(ctx, where, name, host, config);
  const td = registerRevision(ctx, name, config);
  const sr = provisionService(ctx, rec, name, td, where, config, ingress.targetGroups[0].arn, ingress.serviceSecurityGroup?.arn, input.tags);
  const scaling = provisionScaling(ctx, cluster, name, config, { loadBalancer: ingress.gateway.loadBalancer.arn, targetGroup: ingress.targetGroups[0].arn });
  if (ingress.serviceSecurityGroup) config.networkConfiguration = { subnets: where.subnets, securityGroups: [ingress.serviceSecurityGroup.arn] };
  const now = ctx.now();
  const x: ExpressRecord = {
    serviceArn: serviceArn(state, cluster, name),
    serviceName: name,
    clusterName: cluster,
    infrastructureRoleArn: input.infrastructureRoleArn,
    createdAt: now,
    updatedAt: now,
    configs: [{ configuration: config, taskDefinitionArn: td, targetGroupArn: ingress.targetGroups[0].arn, deploymentId: sr.service.deployments![0].id! }],
    endpoint: `https://${host}`,
    accessType: where.accessType,
    gateway: ingress.gateway.key,
    containerName: "Main",
    targetGroups: ingress.targetGroups,
    rule: ingress.rule,
    certificate: ingress.certificate,
    ...(ingress.serviceSecurityGroup ? { serviceSecurityGroup: ingress.serviceSecurityGroup } : {}),
    ...(logGroup ? { logGroup } : {}),
    ...scaling,
  };
  ingress.gateway.services.push(x.serviceArn);
  state.express.set(x.serviceArn, x);
  return { service: expressView(state, x) };
}

/** The other services' operations (and Auto Scaling's, for the default cluster's providers) are loaded first: everything is made in one turn. */
export const createExpressGatewayService: Handler<"CreateExpressGatewayService"> = (input, ctx) => {
  const loading = [loadExpressPeers(ctx.backend), loadAutoScaling(ctx.backend)].filter((p) => p !== undefined);
  return loading.length ? Promise.all(loading).then(() => create(input, ctx)) : create(input, ctx);
};
