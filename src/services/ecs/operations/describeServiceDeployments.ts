import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, ServiceDeployment } from "../generated/types.js";
import { parseArn } from "../domain/arn.js";
import type { EcsState } from "../store.js";

/** The deployment an ARN (service-deployment/<cluster>/<service>/<id>) names in this account and region. */
function find(state: EcsState, arn: string): ServiceDeployment | undefined {
  const p = parseArn(arn);
  if (!p || p.type !== "service-deployment" || p.accountId !== state.accountId || p.region !== state.region) return undefined;
  const [cluster, service] = p.path.split("/");
  const sr = state.clusters.get(cluster)?.services.get(service);
  return sr?.history.find((h) => h.serviceDeployment.serviceDeploymentArn === arn)?.serviceDeployment;
}

export const describeServiceDeployments: Handler<"DescribeServiceDeployments"> = (input, { state }) => {
  if (input.serviceDeploymentArns.length === 0) throw new InvalidParameterException("Service deployment ARNs cannot be empty.");
  if (input.serviceDeploymentArns.length > 20) throw new InvalidParameterException("serviceDeploymentArns can have at most 20 items.");
  const serviceDeployments: ServiceDeployment[] = [];
  const failures: Failure[] = [];
  for (const arn of input.serviceDeploymentArns) {
    const d = find(state, arn);
    if (d) serviceDeployments.push(structuredClone(d));
    else failures.push({ arn, reason: "MISSING" });
  }
  return { serviceDeployments, failures };
};
