// Finding an Express service by ARN, with the answers AWS gives for one that is not there or is going
// (the texts Terraform's provider matches: internal/service/ecs/express_gateway_service.go).
import { InvalidParameterException, ResourceNotFoundException, ServiceNotActiveException } from "../generated/errors.js";
import type { EcsState } from "../store.js";
import { statusOf } from "./views.js";
import type { ExpressRecord } from "./types.js";

export function findExpress(state: EcsState, arn: string, use: "describe" | "change"): ExpressRecord {
  const x = state.express.get(arn);
  if (!x) throw use === "describe" ? new ResourceNotFoundException("Resource not found") : new InvalidParameterException("Resource not found");
  return x;
}

/** An Express service that can still change: ACTIVE, not being deleted. */
export function activeExpress(state: EcsState, arn: string): ExpressRecord {
  const x = findExpress(state, arn, "change");
  const status = statusOf(state, x);
  if (status === "INACTIVE") throw new ServiceNotActiveException("Cannot perform this operation on a service in INACTIVE status");
  if (status === "DRAINING" || x.deleting) throw new ServiceNotActiveException("Service is in DRAINING status");
  return x;
}
