// Service events in ECS's wording, newest first, at most 100 kept.
import type { ServiceRecord } from "../store.js";
import { flat, type IdSource } from "../../../state/ids.js";

const MAX_EVENTS = 100;

const TROUBLESHOOTING = "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

export function addEvent(ids: IdSource, sr: ServiceRecord, now: number, message: string): void {
  const events = (sr.service.events ??= []);
  // A text the service's events already hold (a steady state reached again) is kept once.
  const again = events.find((e) => e.message === message)?.message;
  events.unshift({ id: ids.uuid(), createdAt: now, message: again ?? flat(message) });
  if (events.length > MAX_EVENTS) events.length = MAX_EVENTS;
}

/**
 * Writes a problem event unless the same problem was the last one written: ECS leaves repeats out
 * until the cause clears. The closest instance may change between attempts; the cause is the same.
 */
export function addProblem(ids: IdSource, sr: ServiceRecord, now: number, message: string): void {
  const cause = message.replace(/container-instance [0-9a-f]+/, "container-instance");
  if (sr.lastProblem === cause) return;
  sr.lastProblem = cause;
  addEvent(ids, sr, now, message);
}

const taskList = (ids: string[]): string => ids.map((id) => `(task ${id})`).join(" ");

export const messages = {
  started: (service: string, ids: string[]) => `(service ${service}) has started ${ids.length} tasks: ${taskList(ids)}.`,
  stopped: (service: string, ids: string[]) => `(service ${service}) has stopped ${ids.length} running tasks: ${taskList(ids)}.`,
  steady: (service: string) => `(service ${service}) has reached a steady state.`,
  deploymentCompleted: (service: string, deployment: string) => `(service ${service}) (deployment ${deployment}) deployment completed.`,
  noInstances: (service: string) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. ${TROUBLESHOOTING}`,
  /** Through an Auto Scaling group capacity provider with no instances (aws/containers-roadmap#653). */
  noInstancesInProvider: (service: string) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your capacity provider. ${TROUBLESHOOTING}`,
  /** `reason` is a placement failure reason such as RESOURCE:MEMORY; `instanceId` the closest match. */
  unplaceable: (service: string, instanceId: string, reason: string) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${instanceId} ${closestMatch(reason)} ${TROUBLESHOOTING}`,
  /** The service throttle logic held its launches back (service-throttle-logic in the developer guide). */
  throttled: (service: string) => `(service ${service}) is unable to consistently start tasks successfully. ${TROUBLESHOOTING}`,
  deploymentBlocked: (service: string) =>
    `(service ${service}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
};

function closestMatch(reason: string): string {
  switch (reason) {
    case "RESOURCE:MEMORY":
      return "has insufficient memory available.";
    case "RESOURCE:CPU":
      return "has insufficient CPU units available.";
    case "RESOURCE:PORTS":
      return "is already using a port required by your task.";
    default:
      return `encountered error "${reason}".`;
  }
}

/** The stop reason of tasks the scheduler stops, naming the deployment that asked. */
export function scalingReason(deploymentId: string): string {
  return `Scaling activity initiated by (deployment ${deploymentId})`;
}
