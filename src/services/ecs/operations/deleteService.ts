import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { describeService, existingService } from "../domain/services.js";
import { serviceChanged } from "../scheduler/reconciler.js";
import { deleteDiscoveryServices } from "../domain/cloudMap.js";

export const deleteService: Handler<"DeleteService"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = existingService(state, rec, input.service);
  const s = sr.service;
  // Deleting a service that is already draining answers it as it is.
  if (s.status === "DRAINING") return { service: describeService(state, sr) };
  if (s.schedulingStrategy === "REPLICA" && (s.desiredCount ?? 0) > 0 && !input.force) {
    throw new InvalidParameterException("The service cannot be stopped while it is scaled above 0.");
  }
  s.status = "DRAINING";
  s.desiredCount = 0;
  for (const d of s.deployments ?? []) if (d.status === "PRIMARY") d.desiredCount = 0;
  serviceChanged(ctx, rec, sr);
  // The Cloud Map services ECS made for Service Connect go with the service, as soon as no task is registered in them.
  deleteDiscoveryServices(ctx.backend, state, (s.deployments ?? []).flatMap((d) => d.serviceConnectResources ?? []));
  return { service: describeService(state, sr) };
};
