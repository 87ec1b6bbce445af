import type { Handler } from "../context.js";
import { ClientException } from "../generated/errors.js";
import { paginate } from "../domain/pagination.js";
import { ownArn } from "../daemons/arns.js";
import { summaryView } from "../daemons/views.js";

/** Newest first; 20 a page unless asked otherwise (the model's default). */
export const listDaemonDeployments: Handler<"ListDaemonDeployments"> = (input, { state }) => {
  const d = ownArn(state, input.daemonArn, "daemon") ? state.daemons.get(input.daemonArn) : undefined;
  if (!d) throw new ClientException("The specified daemon was not found. Specify a valid daemon ARN and try again.");
  const statuses = input.status?.length ? new Set(input.status) : undefined;
  const after = input.createdAt?.after;
  const before = input.createdAt?.before;
  const deps = d.deployments
    .map((arn) => state.daemonDeployments.get(arn)!)
    .filter((dep) => !statuses || statuses.has(dep.deployment.status!))
    .filter((dep) => (after === undefined || dep.deployment.createdAt! >= after) && (before === undefined || dep.deployment.createdAt! <= before));
  const page = paginate(deps, (dep) => dep.deployment.daemonDeploymentArn!, input.maxResults ?? 20, input.nextToken);
  return { daemonDeployments: page.items.map((dep) => summaryView(dep)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
