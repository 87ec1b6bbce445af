import type { Handler } from "../context.js";
import { ServiceNotFoundException } from "../generated/errors.js";
import type { ServiceDeploymentBrief } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { paginate } from "../domain/pagination.js";
import { findService } from "../domain/services.js";

export const listServiceDeployments: Handler<"ListServiceDeployments"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const sr = findService(ctx.state, rec, input.service);
  if (!sr) throw new ServiceNotFoundException("Service not found.");
  const briefs = function* (): Generator<ServiceDeploymentBrief> {
    for (const { serviceDeployment: d } of sr.history) {
      if (input.status?.length && !input.status.includes(d.status!)) continue;
      if (input.createdAt?.after !== undefined && d.createdAt! < input.createdAt.after) continue;
      if (input.createdAt?.before !== undefined && d.createdAt! > input.createdAt.before) continue;
      yield {
        serviceDeploymentArn: d.serviceDeploymentArn,
        serviceArn: d.serviceArn,
        clusterArn: d.clusterArn,
        startedAt: d.startedAt,
        createdAt: d.createdAt,
        ...(d.finishedAt !== undefined ? { finishedAt: d.finishedAt } : {}),
        targetServiceRevisionArn: d.targetServiceRevision?.arn,
        status: d.status,
        ...(d.statusReason ? { statusReason: d.statusReason } : {}),
      };
    }
  };
  const page = paginate(briefs(), (b) => b.serviceDeploymentArn!, input.maxResults ?? 20, input.nextToken);
  return { serviceDeployments: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
