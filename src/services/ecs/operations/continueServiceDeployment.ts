import type { Handler } from "../context.js";
import { InvalidParameterException, ServiceDeploymentNotFoundException } from "../generated/errors.js";
import { findServiceDeployment } from "../scheduler/rollback.js";

/**
 * A deployment waits for this call only at a PAUSE lifecycle hook, and hooks belong to blue/green,
 * linear and canary deployments. ecs-local runs rolling deployments, which pass no lifecycle stage,
 * so no hook is ever AWAITING_ACTION: the call finds the deployment and answers that the hook is not paused.
 */
export const continueServiceDeployment: Handler<"ContinueServiceDeployment"> = (input, ctx) => {
  const found = findServiceDeployment(ctx, input.serviceDeploymentArn);
  if (!found) throw new ServiceDeploymentNotFoundException("Service deployment not found.");
  const paused = found.entry.serviceDeployment.lifecycleHookDetails?.some((h) => h.hookId === input.hookId && h.status === "AWAITING_ACTION");
  if (!paused) throw new InvalidParameterException(`The lifecycle hook ${input.hookId} is not awaiting action for this service deployment.`);
  return { serviceDeploymentArn: found.entry.serviceDeployment.serviceDeploymentArn };
};
