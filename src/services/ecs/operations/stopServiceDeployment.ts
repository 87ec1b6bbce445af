import type { Handler } from "../context.js";
import { ConflictException, InvalidParameterException, ServiceDeploymentNotFoundException } from "../generated/errors.js";
import { findServiceDeployment, rollBack } from "../scheduler/rollback.js";

/** Deployments whose stop is already under way: asking again changes nothing. */
const STOPPING = new Set(["STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"]);

export const stopServiceDeployment: Handler<"StopServiceDeployment"> = (input, ctx) => {
  // ECS documents ROLLBACK as the only stop type it takes.
  if (input.stopType !== undefined && input.stopType !== "ROLLBACK") throw new InvalidParameterException("The stop type must be ROLLBACK.");
  const found = findServiceDeployment(ctx, input.serviceDeploymentArn);
  if (!found) throw new ServiceDeploymentNotFoundException("Service deployment not found.");
  const { serviceDeployment: sd } = found.entry;
  if (found.sr.service.status !== "ACTIVE") throw new ConflictException("The service deployment can't be stopped because the service isn't ACTIVE.");
  if (STOPPING.has(sd.status!)) return { serviceDeploymentArn: sd.serviceDeploymentArn };
  if (sd.status !== "IN_PROGRESS" && sd.status !== "PENDING") {
    throw new ConflictException(`The service deployment can't be stopped because it is in the ${sd.status} state.`);
  }
  rollBack(ctx, found, "Service deployment rolled back because of a StopServiceDeployment request.");
  return { serviceDeploymentArn: sd.serviceDeploymentArn };
};
