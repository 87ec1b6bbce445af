// Service revisions: the configuration a deployment launches, frozen when the deployment is made, so it
// can be described (and rolled back to) after the deployment and its tasks are long gone.
import type { Deployment, ServiceRevision, TaskDefinition } from "../generated/types.js";
import type { EcsState, ServiceLaunch, ServiceRecord, ServiceRevisionStore } from "../store.js";
import { ecsArn, parseArn, lastSegment } from "./arn.js";
import { cloneData } from "../../../state/clone.js";

const DEPLOYMENT_PREFIX = "ecs-svc/";

const CONNECT_OFF = Object.freeze({ enabled: false });
const images = new WeakMap<TaskDefinition, ServiceRevision["containerImages"]>();

/** The images a task definition's containers run, one frozen list for every revision of it (a task definition never changes them). */
function containerImagesOf(td: TaskDefinition): ServiceRevision["containerImages"] {
  let list = images.get(td);
  if (!list) {
    list = Object.freeze((td.containerDefinitions ?? []).map((c) => Object.freeze({ containerName: c.name, image: c.image }))) as ServiceRevision["containerImages"];
    images.set(td, list);
  }
  return list;
}

function storeOf(sr: ServiceRecord): ServiceRevisionStore {
  return (sr.revisions ??= { revisions: [], byDeployment: [] });
}

/** Snapshots the service's configuration as deployment `d` launches it; answers the revision's ARN. */
export function recordRevision(state: EcsState, sr: ServiceRecord, d: Deployment, launch: ServiceLaunch, now: number): string {
  const s = sr.service;
  const cluster = lastSegment(s.clusterArn!);
  // A revision is numbered like the deployment that made it.
  const arn = ecsArn(state, `service-revision/${cluster}/${s.serviceName}/${d.id!.slice(DEPLOYMENT_PREFIX.length)}`);
  // Built in the order the copy of it was always made in (its answers' key order); the parts many
  // revisions hold alike are one frozen value each, the rest copied from the service.
  const revision: ServiceRevision = {
    serviceRevisionArn: arn,
    serviceArn: s.serviceArn,
    clusterArn: s.clusterArn,
    taskDefinition: launch.td.taskDefinitionArn,
    ...(d.capacityProviderStrategy ? { capacityProviderStrategy: cloneData(d.capacityProviderStrategy) } : { launchType: d.launchType }),
    ...(d.platformVersion ? { platformVersion: d.platformVersion, platformFamily: d.platformFamily } : {}),
    ...(s.loadBalancers?.length ? { loadBalancers: cloneData(s.loadBalancers) } : {}),
    ...(s.serviceRegistries?.length ? { serviceRegistries: cloneData(s.serviceRegistries) } : {}),
    ...(launch.networkConfiguration ? { networkConfiguration: cloneData(launch.networkConfiguration) } : {}),
    containerImages: containerImagesOf(launch.td),
    guardDutyEnabled: false,
    serviceConnectConfiguration: d.serviceConnectConfiguration ? cloneData(d.serviceConnectConfiguration) : CONNECT_OFF,
    ...(d.volumeConfigurations ? { volumeConfigurations: cloneData(d.volumeConfigurations) } : {}),
    createdAt: now,
  };
  const store = storeOf(sr);
  store.revisions.push({ revision, launch });
  store.byDeployment.push(d.id!, arn);
  return arn;
}

function entryOf(sr: ServiceRecord, arn: string): ServiceRevisionStore["revisions"][number] | undefined {
  return sr.revisions?.revisions.find((e) => e.revision.serviceRevisionArn === arn);
}

/** A rollback's deployment launches an existing revision instead of a new one. */
export function linkRevision(sr: ServiceRecord, deploymentId: string, arn: string): void {
  storeOf(sr).byDeployment.push(deploymentId, arn);
}

/** The ARN of the revision a deployment launches. */
export function revisionArnOf(sr: ServiceRecord, deploymentId: string): string | undefined {
  const pairs = sr.revisions?.byDeployment ?? [];
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === deploymentId) return pairs[i + 1];
  return undefined;
}

/** The stored revision an ARN names, with the launch it was made from (none once the service is INACTIVE). */
export function storedRevision(sr: ServiceRecord, arn: string): { revision: ServiceRevision; launch: ServiceLaunch } | undefined {
  const entry = entryOf(sr, arn);
  return entry?.launch ? { revision: entry.revision, launch: entry.launch } : undefined;
}

/** The revision an ARN (service-revision/<cluster>/<service>/<id>) names in this account and region. */
export function findRevision(state: EcsState, arn: string): ServiceRevision | undefined {
  const p = parseArn(arn);
  if (!p || p.type !== "service-revision" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
  const [cluster, service] = p.path.split("/");
  const sr = state.clusters.get(cluster)?.services.get(service);
  return sr ? entryOf(sr, arn)?.revision : undefined;
}
