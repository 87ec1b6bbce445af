// The deployment circuit breaker (rolling updates): when as many of a deployment's tasks in a row as
// its threshold fail to reach RUNNING, the deployment FAILS and launches no more tasks; with rollback
// on, the service goes back to the revision the failed deployment replaced.
import type { EcsContext } from "../context.js";
import type { Deployment } from "../generated/types.js";
import type { ClusterRecord, ServiceRecord } from "../store.js";
import { addEvent } from "../domain/serviceEvents.js";
import { rollBack } from "./rollback.js";

export const TASKS_FAILED = "ECS deployment circuit breaker: tasks failed to start.";
export const rollingBackTo = (id: string): string => `ECS deployment circuit breaker: rolling back to deploymentId ${id}.`;
const failedEvent = (service: string, id: string): string => `(service ${service}) (deployment ${id}) deployment failed: tasks failed to start.`;

/** Half the desired count, at least 3 and at most 200 (ServiceDeploymentCircuitBreaker.threshold). */
export function circuitThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}

/**
 * Keeps the service deployment's circuit breaker figures current and trips it when the primary
 * deployment's failures reach the threshold. Answers whether the primary may launch tasks.
 */
export function checkCircuitBreaker(ctx: EcsContext, rec: ClusterRecord, sr: ServiceRecord, primary: Deployment): boolean {
  const s = sr.service;
  const cb = s.deploymentConfiguration?.deploymentCircuitBreaker;
  const entry = sr.history.find((h) => h.deploymentId === primary.id);
  if (!cb?.enable) return primary.rolloutState !== "FAILED";
  const threshold = circuitThreshold(s.desiredCount ?? 0);
  const failures = primary.failedTasks ?? 0;
  const sd = entry?.serviceDeployment;
  if (sd && (sd.status === "IN_PROGRESS" || sd.status === "PENDING")) sd.deploymentCircuitBreaker = { status: "MONITORING", failureCount: failures, threshold };
  if (primary.rolloutState === "FAILED") return false;
  if (primary.rolloutState !== "IN_PROGRESS" || failures < threshold) return true;

  const now = ctx.now();
  Object.assign(primary, { rolloutState: "FAILED", rolloutStateReason: TASKS_FAILED, updatedAt: now });
  addEvent(ctx.state.ids, sr, now, failedEvent(s.serviceName!, primary.id!));
  if (!sd) return false;
  sd.deploymentCircuitBreaker = { status: "TRIGGERED", failureCount: failures, threshold };
  const previous = s.deployments!.find((d, i) => i > 0 && d.rolloutState === "COMPLETED")?.id;
  if (cb.rollback && previous && sd.sourceServiceRevisions?.length) {
    rollBack(ctx, { rec, sr, entry: entry! }, TASKS_FAILED);
    const back = s.deployments![0];
    back.rolloutStateReason = rollingBackTo(previous);
    return false;
  }
  // Without a rollback (or a COMPLETED deployment to go back to) the deployment stays where it is;
  // the model has no FAILED service deployment status: STOPPED, with the reason.
  Object.assign(sd, { status: "STOPPED", statusReason: TASKS_FAILED, finishedAt: now, updatedAt: now });
  return false;
}
