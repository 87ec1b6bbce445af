// An Express service as the API shows it: its status (its ECS service's), its active configurations
// with their revision and endpoint, the deployment in progress, and the resources ECS manages for it
// (in its service revisions' ecsManagedResources).
import type { ECSExpressGatewayService, ECSManagedResources, ExpressGatewayServiceConfiguration, ExpressGatewayServiceStatusCode } from "../generated/types.js";
import type { EcsState, ServiceRecord } from "../store.js";
import { clusterArn } from "../domain/clusters.js";
import { revisionArnOf } from "../domain/serviceRevisions.js";
import { tagsOf } from "../domain/tags.js";
import type { ExpressConfig, ExpressRecord } from "./types.js";

export function serviceOf(state: EcsState, x: ExpressRecord): ServiceRecord | undefined {
  const sr = state.clusters.get(x.clusterName)?.services.get(x.serviceName);
  return sr?.service.serviceArn === x.serviceArn ? sr : undefined;
}

export function statusOf(state: EcsState, x: ExpressRecord): ExpressGatewayServiceStatusCode {
  return (serviceOf(state, x)?.service.status as ExpressGatewayServiceStatusCode | undefined) ?? "INACTIVE";
}

export function configurationView(state: EcsState, x: ExpressRecord, c: ExpressConfig): ExpressGatewayServiceConfiguration {
  const sr = serviceOf(state, x);
  const revision = sr && revisionArnOf(sr, c.deploymentId);
  return {
    ...(revision ? { serviceRevisionArn: revision } : {}),
    ...structuredClone(c.configuration),
    ingressPaths: [{ accessType: x.accessType, endpoint: x.endpoint }],
  };
}

/** The service deployment in progress, if any: what `currentDeployment` names. */
function currentDeployment(state: EcsState, x: ExpressRecord): string | undefined {
  const sr = serviceOf(state, x);
  const d = sr?.history[0]?.serviceDeployment;
  return d && (d.status === "PENDING" || d.status === "IN_PROGRESS" || d.status === "ROLLBACK_REQUESTED" || d.status === "ROLLBACK_IN_PROGRESS") ? d.serviceDeploymentArn : undefined;
}

export function expressView(state: EcsState, x: ExpressRecord, withTags = false): ECSExpressGatewayService {
  const deployment = currentDeployment(state, x);
  return {
    cluster: clusterArn(state, x.clusterName),
    serviceName: x.serviceName,
    serviceArn: x.serviceArn,
    infrastructureRoleArn: x.infrastructureRoleArn,
    status: { statusCode: statusOf(state, x) },
    ...(deployment ? { currentDeployment: deployment } : {}),
    activeConfigurations: statusOf(state, x) === "INACTIVE" ? [] : x.configs.map((c) => configurationView(state, x, c)),
    ...(withTags ? { tags: tagsOf(state, x.serviceArn) } : {}),
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
  };
}

const sgArn = (state: EcsState, id: string): string => `arn:aws:ec2:${state.region}:${state.accountId}:security-group/${id}`;

/** What ECS made for the service, each with its status now. */
export function managedResources(state: EcsState, x: ExpressRecord): ECSManagedResources {
  const g = state.expressGateways.get(x.gateway) ?? x.gatewaySnapshot;
  const lb = g?.loadBalancer;
  return {
    ingressPaths: [
      {
        accessType: x.accessType,
        endpoint: x.endpoint,
        ...(lb ? { loadBalancer: { arn: lb.arn, status: lb.status, updatedAt: lb.updatedAt, scheme: g!.scheme, subnetIds: lb.subnets, securityGroupIds: [g!.securityGroup.arn] } } : {}),
        ...(g ? { loadBalancerSecurityGroups: [{ arn: sgArn(state, g.securityGroup.arn), status: g.securityGroup.status, updatedAt: g.securityGroup.updatedAt }] } : {}),
        certificate: { ...x.certificate },
        ...(g ? { listener: { ...g.listener } } : {}),
        rule: { arn: x.rule.arn, status: x.rule.status, updatedAt: x.rule.updatedAt },
        targetGroups: x.targetGroups.map((t) => ({ arn: t.arn, status: t.status, updatedAt: t.updatedAt, healthCheckPath: t.healthCheckPath, healthCheckPort: t.port, port: t.port })),
      },
    ],
    autoScaling: {
      scalableTarget: { ...x.scalableTarget },
      applicationAutoScalingPolicies: [{ arn: x.policy.arn, status: x.policy.status, updatedAt: x.policy.updatedAt, policyType: "TargetTrackingScaling", targetValue: x.policy.targetValue, metric: x.policy.metric }],
    },
    // No CloudWatch here: the deployment alarm AWS makes is not made.
    metricAlarms: [],
    serviceSecurityGroups: x.serviceSecurityGroup ? [{ arn: sgArn(state, x.serviceSecurityGroup.arn), status: x.serviceSecurityGroup.status, updatedAt: x.serviceSecurityGroup.updatedAt }] : [],
    logGroups: x.logGroup ? [{ arn: x.logGroup.arn, status: x.logGroup.status, updatedAt: x.logGroup.updatedAt, logGroupName: x.logGroup.name }] : [],
  };
}
