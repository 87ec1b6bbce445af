// Service revisions: the configuration a deployment launches, frozen when the deployment is made, so it
// can be described (and rolled back to) after the deployment and its tasks are long gone.
import type { Deployment, ServiceRevision } from "../generated/types.js";
import type { EcsState, ServiceLaunch, ServiceRecord, ServiceRevisionStore } from "../store.js";
import { ecsArn, parseArn, lastSegment } from "./arn.js";
import { cloneData } from "../../../state/clone.js";

const DEPLOYMENT_PREFIX = "ecs-svc/";

function storeOf(sr: ServiceRecord): ServiceRevisionStore {
  return (sr.revisions ??= { byArn: new Map(), byDeployment: new Map() });
}

/** Snapshots the service's configuration as deployment `d` launches it; answers the revision's ARN. */
export function recordRevision(state: EcsState, sr: ServiceRecord, d: Deployment, launch: ServiceLaunch, now: number): string {
  const s = sr.service;
  const cluster = lastSegment(s.clusterArn!);
  // A revision is numbered like the deployment that made it.
  const arn = ecsArn(state, `service-revision/${cluster}/${s.serviceName}/${d.id!.slice(DEPLOYMENT_PREFIX.length)}`);
  const revision: ServiceRevision = cloneData({
    serviceRevisionArn: arn,
    serviceArn: s.serviceArn,
    clusterArn: s.clusterArn,
    taskDefinition: launch.td.taskDefinitionArn,
    ...(d.capacityProviderStrategy ? { capacityProviderStrategy: d.capacityProviderStrategy } : { launchType: d.launchType }),
    ...(d.platformVersion ? { platformVersion: d.platformVersion, platformFamily: d.platformFamily } : {}),
    ...(s.loadBalancers?.length ? { loadBalancers: s.loadBalancers } : {}),
    ...(s.serviceRegistries?.length ? { serviceRegistries: s.serviceRegistries } : {}),
    ...(launch.networkConfiguration ? { networkConfiguration: launch.networkConfiguration } : {}),
    containerImages: (launch.td.containerDefinitions ?? []).map((c) => ({ containerName: c.name, image: c.image })),
    guardDutyEnabled: false,
    serviceConnectConfiguration: d.serviceConnectConfiguration ?? { enabled: false },
    ...(d.volumeConfigurations ? { volumeConfigurations: d.volumeConfigurations } : {}),
    createdAt: now,
  });
  const store = storeOf(sr);
  store.byArn.set(arn, { revision, launch });
  store.byDeployment.set(d.id!, arn);
  return arn;
}

/** A rollback's deployment launches an existing revision instead of a new one. */
export function linkRevision(sr: ServiceRecord, deploymentId: string, arn: string): void {
  storeOf(sr).byDeployment.set(deploymentId, arn);
}

/** The ARN of the revision a deployment launches. */
export function revisionArnOf(sr: ServiceRecord, deploymentId: string): string | undefined {
  return sr.revisions?.byDeployment.get(deploymentId);
}

/** The stored revision an ARN names, with the launch it was made from. */
export function storedRevision(sr: ServiceRecord, arn: string): { revision: ServiceRevision; launch: ServiceLaunch } | undefined {
  return sr.revisions?.byArn.get(arn);
}

/** The revision an ARN (service-revision/<cluster>/<service>/<id>) names in this account and region. */
export function findRevision(state: EcsState, arn: string): ServiceRevision | undefined {
  const p = parseArn(arn);
  if (!p || p.type !== "service-revision" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
  const [cluster, service] = p.path.split("/");
  const sr = state.clusters.get(cluster)?.services.get(service);
  return sr ? storedRevision(sr, arn)?.revision : undefined;
}
