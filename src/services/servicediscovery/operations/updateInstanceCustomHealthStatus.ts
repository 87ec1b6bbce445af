import type { Handler } from "../context.js";
import { CustomHealthNotFound } from "../generated/errors.js";
import { getInstance, getService } from "../domain/lookup.js";
import { setHealth } from "../domain/instances.js";

/** Only for a service with a custom health check. */
export const updateInstanceCustomHealthStatus: Handler<"UpdateInstanceCustomHealthStatus"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  if (!sr.service.HealthCheckCustomConfig) throw new CustomHealthNotFound(`Service ${sr.service.Id} does not have a custom health check configuration.`);
  setHealth(sr, getInstance(sr, input.InstanceId), input.Status);
  return {};
};
