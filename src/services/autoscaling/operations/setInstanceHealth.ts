import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { groupOfInstance, isTerminating } from "../domain/groups.js";
import { replaceUnhealthy } from "../domain/health.js";

/** Unhealthy takes the instance out of service and replaces it (within its grace period only when told not to respect it). */
export const setInstanceHealth: Handler<"SetInstanceHealth"> = (input, ctx) => {
  const { state, backend } = ctx;
  if (input.HealthStatus !== "Healthy" && input.HealthStatus !== "Unhealthy") throw asgErrors.validation(`Valid instance health states are: [Healthy, Unhealthy]. ${input.HealthStatus} is invalid.`);
  const group = groupOfInstance(state, input.InstanceId);
  const inst = group.instances.get(input.InstanceId)!;
  if (isTerminating(inst)) return {};
  const inGrace = inst.inServiceAt !== undefined && backend.timeline.now() < inst.inServiceAt + group.healthCheckGracePeriod * 1000;
  if (input.HealthStatus === "Unhealthy" && (input.ShouldRespectGracePeriod ?? true) && inGrace) return {};
  inst.health = input.HealthStatus;
  if (inst.health === "Unhealthy" && inst.lifecycle === "InService") replaceUnhealthy(backend, state, group, inst, "a user health-check");
  return {};
};
