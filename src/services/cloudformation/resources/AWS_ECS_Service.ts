// AWS::ECS::Service: created and updated through ECS, then waited on until it is steady, as
// CloudFormation does; a deployment the circuit breaker fails fails the resource. Ref is the ARN.
import { toInput } from "./shape.js";
import { tagsMember, withStackTags, type Progress, type ProviderContext, type ResourceProvider } from "./provider.js";
import { retagEcs } from "./ecsTags.js";
import type { ResourceRecord } from "../context.js";
import { CLOUD_MAP_OPERATIONS } from "../../ecs/domain/cloudMap.js";

const UPDATABLE = [
  "DesiredCount", "TaskDefinition", "DeploymentConfiguration", "NetworkConfiguration", "PlatformVersion", "HealthCheckGracePeriodSeconds",
  "CapacityProviderStrategy", "EnableExecuteCommand", "PlacementConstraints", "PlacementStrategies", "PropagateTags", "EnableECSManagedTags",
  "LoadBalancers", "ServiceRegistries", "ServiceConnectConfiguration", "AvailabilityZoneRebalancing", "ForceNewDeployment", "VolumeConfigurations",
];

function mapped(props: Record<string, any>) {
  const { PlacementStrategies, ForceNewDeployment, ...rest } = props;
  return { ...rest, ...(PlacementStrategies ? { PlacementStrategy: PlacementStrategies } : {}) };
}

function describe(record: ResourceRecord, pc: ProviderContext) {
  const out = pc.call("ecs", "DescribeServices", { cluster: String(record.attributes.Cluster), services: [record.physicalId!] });
  return out.services?.[0];
}

export const provider: ResourceProvider = {
  type: "AWS::ECS::Service",
  operations: { ecs: ["CreateService", "UpdateService", "DeleteService", "DescribeServices", "TagResource", "UntagResource"], servicediscovery: CLOUD_MAP_OPERATIONS },
  attributes: ["Name", "ServiceArn"],
  replaceOn: ["Cluster", "LaunchType", "Role", "SchedulingStrategy", "ServiceName", "DeploymentController"],
  taggable: true,
  nameProperty: "ServiceName",
  create(props, pc) {
    const input = toInput("ecs", "CreateService", { ...mapped(props), ServiceName: props.ServiceName ?? pc.generatedName(255), Tags: undefined, ...tagsMember(props.Tags, pc) });
    const s = pc.call("ecs", "CreateService", input).service;
    return { physicalId: s.serviceArn, attributes: { Name: s.serviceName, ServiceArn: s.serviceArn, Cluster: s.clusterArn } };
  },
  update(props, old, pc) {
    const next = toInput("ecs", "UpdateService", { ...mapped(props), Cluster: old.attributes.Cluster, Service: old.physicalId });
    const changed = UPDATABLE.filter((k) => JSON.stringify(props[k]) !== JSON.stringify(old.properties?.[k]));
    const input: Record<string, unknown> = { cluster: next.cluster, service: next.service };
    for (const [k, v] of Object.entries(next)) if (changed.some((c) => c.toLowerCase() === k.toLowerCase() || (c === "PlacementStrategies" && k === "placementStrategy"))) input[k] = v;
    if (props.ForceNewDeployment?.EnableForceNewDeployment === true || props.ForceNewDeployment === true) input.forceNewDeployment = true;
    pc.call("ecs", "UpdateService", input);
    retagEcs(pc, old.physicalId!, withStackTags(old.properties?.Tags as never, pc, "previous"), withStackTags(props.Tags, pc));
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  settle(record, pc): Progress {
    const s = describe(record, pc);
    if (!s) return { failed: pc.handlerMessage(`Service ${record.physicalId} was not found.`, "NotFound") };
    // With rollback on, the failed deployment is no longer PRIMARY: any failed one fails the resource.
    if (s.deployments?.some((d: { rolloutState?: string }) => d.rolloutState === "FAILED")) {
      return { failed: pc.handlerMessage("Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.", "GeneralServiceException") };
    }
    // An EXTERNAL service has no deployments: its task sets are resources of their own.
    if (!s.deployments?.length) return "done";
    const primary = s.deployments?.find((d: { status: string }) => d.status === "PRIMARY");
    const steady = s.deployments?.length === 1 && (primary?.rolloutState === undefined || primary.rolloutState === "COMPLETED") && s.runningCount === s.desiredCount;
    return steady ? "done" : "wait";
  },
  delete(record, pc) {
    const s = describe(record, pc);
    if (!s || s.status === "INACTIVE") return;
    pc.call("ecs", "DeleteService", { cluster: String(record.attributes.Cluster), service: record.physicalId!, force: true });
  },
  settleDelete(record, pc): Progress {
    const s = describe(record, pc);
    return !s || s.status === "INACTIVE" ? "done" : "wait";
  },
};
