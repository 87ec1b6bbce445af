import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { DaemonDeployment, Failure } from "../generated/types.js";
import { deploymentView } from "../daemons/views.js";

export const describeDaemonDeployments: Handler<"DescribeDaemonDeployments"> = (input, { state }) => {
  if (input.daemonDeploymentArns.length > 20) throw new InvalidParameterException("You can specify up to 20 daemon deployment ARNs.");
  const daemonDeployments: DaemonDeployment[] = [];
  const failures: Failure[] = [];
  for (const arn of input.daemonDeploymentArns) {
    const dep = state.daemonDeployments.get(arn);
    if (dep) daemonDeployments.push(deploymentView(state, dep));
    else failures.push({ arn, reason: "MISSING" });
  }
  return { daemonDeployments, failures };
};
