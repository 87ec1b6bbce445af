// Rolling a service deployment back: a new PRIMARY deployment launches the revision the stopped one
// replaced, and the reconciler brings the tasks back to it. The service deployment itself records the
// rollback and finishes as ROLLBACK_SUCCESSFUL once the old revision alone runs the desired count.
import type { EcsBackend } from "../../../services/ecs/context.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { ClusterRecord, ServiceRecord } from "../store.js";
import { parseArn } from "../domain/arn.js";
import { linkRevision, storedRevision } from "../domain/serviceRevisions.js";
import { installDeployment } from "./deployments.js";
import { serviceChanged } from "./reconciler.js";

export type HistoryEntry = ServiceRecord["history"][number];

export interface FoundDeployment {
  rec: ClusterRecord;
  sr: ServiceRecord;
  entry: HistoryEntry;
}

/** The service deployment an ARN (service-deployment/<cluster>/<service>/<id>) names in this account and region. */
export function findServiceDeployment(ctx: EcsContext, arn: string): FoundDeployment | undefined {
  const p = parseArn(arn);
  const { state } = ctx;
  if (!p || p.type !== "service-deployment" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
  const [cluster, service] = p.path.split("/");
  const rec = state.clusters.get(cluster);
  const sr = rec?.services.get(service);
  const entry = sr?.history.find((h) => h.serviceDeployment.serviceDeploymentArn === arn);
  return rec && sr && entry ? { rec, sr, entry } : undefined;
}

/** The service's own fields follow the revision it runs again. */
function restoreService(sr: ServiceRecord, launch: ReturnType<typeof storedRevision> & object): void {
  const s = sr.service;
  const { revision, launch: l } = launch;
  s.taskDefinition = l.td.taskDefinitionArn;
  s.loadBalancers = structuredClone(revision.loadBalancers ?? []);
  s.serviceRegistries = structuredClone(revision.serviceRegistries ?? []);
  if (l.networkConfiguration) s.networkConfiguration = structuredClone(l.networkConfiguration);
  if (l.capacityProviderStrategy) {
    s.capacityProviderStrategy = structuredClone(l.capacityProviderStrategy);
    delete s.launchType;
  } else {
    s.launchType = l.launchType;
    delete s.capacityProviderStrategy;
  }
  if (l.launchType === "FARGATE") s.platformVersion = l.platformVersion ?? "LATEST";
  s.placementConstraints = structuredClone(l.constraints);
  s.placementStrategy = structuredClone(l.strategies);
  s.enableExecuteCommand = l.enableExecuteCommand ?? false;
}

/** Starts rolling `found` back to the revision it replaced; checks everything before changing anything. */
export function rollBack(ctx: EcsContext, found: FoundDeployment, reason: string): void {
  const { rec, sr, entry } = found;
  const sd = entry.serviceDeployment;
  const target = sd.sourceServiceRevisions?.[0]?.arn;
  const stored = target ? storedRevision(sr, target) : undefined;
  if (!target || !stored) throw new InvalidParameterException("The service deployment can't be rolled back because there is no previous service revision.");
  const now = ctx.now();
  const connect = stored.revision.serviceConnectConfiguration;
  const d = installDeployment(ctx.state.ids, sr, stored.launch, now, {
    serviceConnectConfiguration: connect?.enabled ? connect : undefined,
    volumeConfigurations: stored.revision.volumeConfigurations,
  });
  linkRevision(sr, d.id!, target);
  restoreService(sr, stored);
  entry.rollbackDeploymentId = d.id;
  Object.assign(sd, { status: "ROLLBACK_REQUESTED", updatedAt: now, rollback: { reason, startedAt: now, serviceRevisionArn: target } });
  // The request is acknowledged first; the rollback is under way from the scheduler's next pass.
  const timeline = ctx.backend.timeline;
  timeline.call(timeline.now(), ROLLING_BACK, ctx.backend, sd);
  serviceChanged(ctx, rec, sr);
}

const ROLLING_BACK = defineTimer("ecs.rollbackInProgress", (backend: EcsBackend, sd: { status?: string; updatedAt?: number }) => {
  if (sd.status !== "ROLLBACK_REQUESTED") return;
  sd.status = "ROLLBACK_IN_PROGRESS";
  sd.updatedAt = backend.timeline.now() / 1000;
});
