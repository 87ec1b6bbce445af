// What Application Auto Scaling asks of ECS, through ECS's own operations run in process: whether a
// service exists and how many tasks it wants and runs, and a new desired count (UpdateService, which
// starts or stops tasks and writes the service's events as ECS does).
import type { RequestContext } from "../../../protocol/context.js";
import { AwsError } from "../../../protocol/errors.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState } from "../context.js";
import type { EcsResource } from "./resources.js";

const OPERATIONS = ["DescribeServices", "UpdateService"];

export interface ServiceView {
  status: string;
  desiredCount: number;
  runningCount: number;
  /** A deployment is under way (more than one deployment): scale-in waits for it. */
  deploying: boolean;
}

/** Loads ECS's operations; undefined when they are loaded (await only then: timers never wait). */
export function loadEcs(backend: ApplicationAutoScalingBackend): Promise<void> | undefined {
  return backend.peers.client.load("ecs", OPERATIONS);
}

/** The context of a call made by Application Auto Scaling itself (a timer), in the target's account and region. */
export function ownRequest(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState): RequestContext {
  return { accountId: state.accountId, region: state.region, requestId: backend.ids.uuid() };
}

/** The service as ECS describes it; undefined when it or its cluster does not exist. */
export function readService(backend: ApplicationAutoScalingBackend, request: RequestContext, res: EcsResource): ServiceView | undefined {
  let out: { services?: { status?: string; desiredCount?: number; runningCount?: number; deployments?: unknown[] }[] };
  try {
    out = backend.peers.client.call("ecs", "DescribeServices", { cluster: res.cluster, services: [res.service] }, request);
  } catch (e) {
    if (e instanceof AwsError) return undefined;
    throw e;
  }
  const s = out.services?.[0];
  if (!s) return undefined;
  return { status: s.status ?? "ACTIVE", desiredCount: s.desiredCount ?? 0, runningCount: s.runningCount ?? 0, deploying: (s.deployments?.length ?? 0) > 1 };
}

export const isActive = (view: ServiceView | undefined): view is ServiceView => view?.status === "ACTIVE";

/** Sets the service's desired count as UpdateService does; throws ECS's error when ECS refuses. */
export function updateDesiredCount(backend: ApplicationAutoScalingBackend, request: RequestContext, res: EcsResource, desiredCount: number): void {
  backend.peers.client.call("ecs", "UpdateService", { cluster: res.cluster, service: res.service, desiredCount }, request);
}
