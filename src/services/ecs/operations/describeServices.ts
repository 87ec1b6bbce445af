import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, Service } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { ecsArn, isArn } from "../domain/arn.js";
import { describeService, findService } from "../domain/services.js";

export const describeServices: Handler<"DescribeServices"> = (input, ctx) => {
  const { state } = ctx;
  if (input.services.length === 0) throw new InvalidParameterException("Services cannot be empty.");
  if (input.services.length > 10) throw new InvalidParameterException("service names can have at most 10 items.");
  const rec = activeCluster(state, input.cluster);
  const services: Service[] = [];
  const failures: Failure[] = [];
  for (const ref of input.services) {
    const sr = findService(state, rec, ref);
    if (sr) services.push(describeService(state, sr, input.include ?? []));
    // A name becomes an ARN without the cluster, as ECS reports it.
    else failures.push({ arn: isArn(ref) ? ref : ecsArn(state, `service/${ref}`), reason: "MISSING" });
  }
  return { services, failures };
};
